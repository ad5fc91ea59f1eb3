namespace NewsDesk.Web.Domain;

/// <summary>An attributed assertion: who claims what, about which incident, and how far we believe it.</summary>
public class Claim : EditableRecord
{
    /// <summary>The editor's paraphrase of what is claimed.</summary>
    public required string Text { get; set; }

    /// <summary>Who asserts it (IRNA, Kataib Hezbollah...).</summary>
    public int? ClaimantId { get; set; }
    public Actor? Claimant { get; set; }

    /// <summary>Who reports the assertion (an outlet citing the claimant).</summary>
    public int? RelayedById { get; set; }
    public Actor? RelayedBy { get; set; }

    public ClaimKind Kind { get; set; } = ClaimKind.Other;
    public int? IncidentId { get; set; }
    public Incident? Incident { get; set; }
    public DateOnly? ClaimDate { get; set; }
    public ClaimAssessment Assessment { get; set; } = ClaimAssessment.Unverified;
    public string? AssessmentNote { get; set; }

    /// <summary>How credible the claim itself is, judged apart from who makes it (Admiralty 1–6); null until graded.</summary>
    public InformationCredibility? Credibility { get; set; }

    /// <summary>Who reviewed the claim (ClaimReview author); null = the organisation's name from the settings.</summary>
    public string? Reviewer { get; set; }

    /// <summary>When the assessment was made (ClaimReview datePublished); null = the day the claim was last changed.</summary>
    public DateOnly? ReviewDate { get; set; }

    public List<Mention> Mentions { get; set; } = [];
}

public enum ClaimKind
{
    Responsibility,
    Denial,
    Accusation,
    Threat,
    CasualtyFigure,
    Other,
}

public enum ClaimAssessment
{
    Unverified,
    Corroborated,
    Disputed,
    False,
}

/// <summary>A denial and the claim it denies (both claims in the store), as accepting a denial suggestion links them.</summary>
public class ClaimDenial
{
    /// <summary>The denial; a claim denies at most one other.</summary>
    public int ClaimId { get; set; }
    public Claim? Claim { get; set; }
    public int DeniedClaimId { get; set; }
    public Claim? DeniedClaim { get; set; }
}
