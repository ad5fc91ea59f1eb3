namespace NewsDesk.Extraction;

/// <summary>A page the extractor refuses to process (for example, nesting deep enough to stall the parser).</summary>
public sealed class ExtractionException : Exception
{
    public ExtractionException()
    {
    }

    public ExtractionException(string message)
        : base(message)
    {
    }

    public ExtractionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
