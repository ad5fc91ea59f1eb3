using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Export;

/// <summary>
/// NewsDesk's assessments as a ClaimReview reviewRating on a 1 (worst) to 4 (best) scale, most believed highest:
/// False 1, Disputed 2, Unverified 3, Corroborated 4. The assessment's name goes along as the rating's
/// alternateName, so a reader need not know the numbers.
/// </summary>
public static class ClaimReviewRating
{
    public const int Worst = 1;
    public const int Best = 4;

    public static int Value(ClaimAssessment assessment) => assessment switch
    {
        ClaimAssessment.False => 1,
        ClaimAssessment.Disputed => 2,
        ClaimAssessment.Unverified => 3,
        _ => 4,
    };
}
