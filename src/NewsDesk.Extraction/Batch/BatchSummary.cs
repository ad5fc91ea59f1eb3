namespace NewsDesk.Extraction.Batch;

/// <summary>What a batch run did: pages written, pages that failed (with why), and how long it took.</summary>
public sealed record BatchSummary(int Extracted, IReadOnlyList<(string Id, string Error)> Failed, TimeSpan Elapsed);
