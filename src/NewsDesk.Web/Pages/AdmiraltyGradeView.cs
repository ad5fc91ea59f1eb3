using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages;

/// <summary>A claim's Admiralty grade as lists show it: the code ("B2") with both halves spelled out on hover.</summary>
public sealed record AdmiraltyGradeView(SourceReliability? Reliability, InformationCredibility? Credibility)
{
    public string Code => AdmiraltyGrades.Code(Reliability, Credibility) ?? "—";

    public string Explanation =>
        $"source {(Reliability is { } r ? AdmiraltyGrades.Label(r) : "not graded")}; claim {(Credibility is { } c ? AdmiraltyGrades.Label(c) : "not graded")}";
}
