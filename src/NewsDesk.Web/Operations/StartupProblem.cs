using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Operations;

/// <summary>A misconfiguration the person starting NewsDesk can fix: reported as one line, without a stack trace.</summary>
public sealed class StartupProblemException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>Turns the failures a misconfigured start ends in into the one line that says what to do.</summary>
public static class StartupProblem
{
    /// <summary>The errno of "No space left on device" on Linux and macOS.</summary>
    private const int NoSpaceLeft = 28;

    /// <summary>The one-line explanation of a start-up failure, or null when it is not a known misconfiguration.</summary>
    public static string? Describe(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StartupProblemException problem:
                    return problem.Message;
                case StoreProblemException store:
                    return $"NewsDesk cannot start: {store.Message}";
                case IOException { InnerException: AddressInUseException } bind:
                    return $"NewsDesk cannot start: {bind.Message.TrimEnd('.')}: another program (or another NewsDesk) is listening there. " +
                        "Stop it, or choose another address with --urls or ASPNETCORE_URLS.";
                case SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } socket:
                    return $"NewsDesk cannot start: {socket.Message.TrimEnd('.')}. Choose another address with --urls or ASPNETCORE_URLS.";
                case IOException io when (io.HResult & 0xFFFF) == NoSpaceLeft:
                    return $"NewsDesk cannot start: the disk is full ({io.Message.TrimEnd('.')}). Free some space on the data directory's disk and start again.";
            }

            if (StoreEngines.DescribeFailure(e) is { } engineProblem)
            {
                return engineProblem;
            }
        }

        return null;
    }
}
