namespace NewsDesk.Web.Data;

/// <summary>
/// A write refused because the disk (or the database's size limit) is full. The engine rolled the write back, so
/// the message can promise that nothing of it was saved; callers say so to the person or on the source.
/// </summary>
public static class StorageFull
{
    public const string Message = "disk full: nothing saved";

    /// <summary>True when the exception, or one it wraps, is the engine saying it has no room.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (StoreEngines.IsStorageFull(e) || e is IOException { HResult: LinuxNoSpace or DiskFullHResult or HandleDiskFullHResult })
            {
                return true;
            }
        }

        return false;
    }

    // ENOSPC: .NET on Linux puts the errno in HResult; Windows reports ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL.
    private const int LinuxNoSpace = 28;
    private const int DiskFullHResult = unchecked((int)0x80070070);
    private const int HandleDiskFullHResult = unchecked((int)0x80070027);
}
