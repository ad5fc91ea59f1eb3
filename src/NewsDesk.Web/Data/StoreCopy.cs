namespace NewsDesk.Web.Data;

/// <summary>What <c>copy-db</c> copied: the target and each table's row count (checked against the source).</summary>
public sealed record CopyReport(string Target, IReadOnlyList<CopiedTable> Tables);

public sealed record CopiedTable(string Name, long Rows);

/// <summary>A copy NewsDesk will not make (a target that is not empty), or one that did not arrive whole; nothing was kept.</summary>
public sealed class CopyRefusedException(string message) : Exception(message);
