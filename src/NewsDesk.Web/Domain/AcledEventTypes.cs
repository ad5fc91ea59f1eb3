namespace NewsDesk.Web.Domain;

/// <summary>ACLED's event types with their sub-event types (ACLED codebook), for incident forms and exports.</summary>
public static class AcledEventTypes
{
    public static string Label(IncidentType type) => type switch
    {
        IncidentType.Battles => "Battles",
        IncidentType.ExplosionsRemoteViolence => "Explosions/Remote violence",
        IncidentType.ViolenceAgainstCivilians => "Violence against civilians",
        IncidentType.Protests => "Protests",
        IncidentType.Riots => "Riots",
        _ => "Strategic developments",
    };

    public static IReadOnlyList<string> SubTypes(IncidentType type) => type switch
    {
        IncidentType.Battles => ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
        IncidentType.ExplosionsRemoteViolence => ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
        IncidentType.ViolenceAgainstCivilians => ["Sexual violence", "Attack", "Abduction/forced disappearance"],
        IncidentType.Protests => ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
        IncidentType.Riots => ["Violent demonstration", "Mob violence"],
        _ => ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"],
    };

    /// <summary>Every sub-type, for a single picker.</summary>
    public static IEnumerable<string> AllSubTypes => Enum.GetValues<IncidentType>().SelectMany(SubTypes);
}
