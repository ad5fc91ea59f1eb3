namespace NewsDesk.Web.Places;

/// <summary>The gazetteer's data files, embedded in the assembly so the app carries them wherever it runs.</summary>
internal static class PlaceData
{
    public static Stream Open(string fileName) =>
        typeof(PlaceData).Assembly.GetManifestResourceStream($"NewsDesk.Web.Places.Data.{fileName}")
        ?? throw new InvalidOperationException($"The gazetteer file {fileName} is not embedded in the app.");
}
