using System.Text;

namespace NewsDesk.Web.Domain;

/// <summary>Enum values as readers write them: "StateForces" → "state forces", ACLED's own spelling for event types.</summary>
public static class EnumLabels
{
    public static string Display(this Enum value) => value switch
    {
        IncidentType type => AcledEventTypes.Label(type),
        SourceReliability reliability => AdmiraltyGrades.Label(reliability),
        InformationCredibility credibility => AdmiraltyGrades.Label(credibility),
        SourceScale scale => SourceScales.Label(scale),
        _ => Words(value.ToString()),
    };

    private static string Words(string name)
    {
        var words = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(name[i]));
        }

        return words.ToString();
    }
}
