namespace NewsDesk.Web.Domain;

/// <summary>
/// How far a source of information has proved reliable: the letter of the Admiralty (NATO) system, A to F
/// (NATO AJP-2.1, STANAG 2511). Stored by name; exported as the letter.
/// </summary>
public enum SourceReliability
{
    CompletelyReliable,
    UsuallyReliable,
    FairlyReliable,
    NotUsuallyReliable,
    Unreliable,
    CannotBeJudged,
}

/// <summary>
/// How credible one piece of information is, judged apart from its source: the digit of the Admiralty (NATO)
/// system, 1 to 6. Stored by name; exported as the digit.
/// </summary>
public enum InformationCredibility
{
    Confirmed = 1,
    ProbablyTrue = 2,
    PossiblyTrue = 3,
    DoubtfullyTrue = 4,
    Improbable = 5,
    CannotBeJudged = 6,
}

/// <summary>The Admiralty system's codes: a reliability letter, a credibility digit, and the two together ("B2").</summary>
public static class AdmiraltyGrades
{
    /// <summary>A for completely reliable … F for reliability cannot be judged.</summary>
    public static string Letter(this SourceReliability reliability) => ((char)('A' + (int)reliability)).ToString();

    /// <summary>1 for confirmed … 6 for truth cannot be judged.</summary>
    public static int Digit(this InformationCredibility credibility) => (int)credibility;

    /// <summary>"A: completely reliable", as forms and lists show it.</summary>
    public static string Label(SourceReliability reliability) => reliability switch
    {
        SourceReliability.CompletelyReliable => "A: completely reliable",
        SourceReliability.UsuallyReliable => "B: usually reliable",
        SourceReliability.FairlyReliable => "C: fairly reliable",
        SourceReliability.NotUsuallyReliable => "D: not usually reliable",
        SourceReliability.Unreliable => "E: unreliable",
        _ => "F: reliability cannot be judged",
    };

    /// <summary>"2: probably true", as forms and lists show it.</summary>
    public static string Label(InformationCredibility credibility) => credibility switch
    {
        InformationCredibility.Confirmed => "1: confirmed by other sources",
        InformationCredibility.ProbablyTrue => "2: probably true",
        InformationCredibility.PossiblyTrue => "3: possibly true",
        InformationCredibility.DoubtfullyTrue => "4: doubtful",
        InformationCredibility.Improbable => "5: improbable",
        _ => "6: truth cannot be judged",
    };

    /// <summary>The combined grade analysts write ("B2"); the known half alone when the other is not graded; null when neither is.</summary>
    public static string? Code(SourceReliability? reliability, InformationCredibility? credibility) =>
        reliability is null && credibility is null ? null
            : reliability?.Letter() + (credibility is { } c ? c.Digit().ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
}
