using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>
/// The SQL commands EF Core sends for one piece of a test's work (a page request), from EF's diagnostic events:
/// only the commands sent on the work's own async flow count, so the app's background workers (and other test
/// classes running at the same time) never do. A request through the test server runs on the caller's flow only
/// when the server preserves it: <see cref="RecordAsync"/> turns that on.
/// </summary>
public sealed class CommandLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<List<string>?> _recording = new();
    private static readonly Lazy<IDisposable> _subscription = new(() => DiagnosticListener.AllListeners.Subscribe(new CommandLog()));

    private CommandLog()
    {
    }

    /// <summary>
    /// Subscribes to EF Core's events before the app's host starts: subscribed only at the first
    /// <see cref="RecordAsync"/>, after the app had already sent commands, the first test of a run recorded nothing.
    /// </summary>
    public static void Listen() => _ = _subscription.Value;

    /// <summary>The command texts <paramref name="work"/> sent through EF Core, in order.</summary>
    public static async Task<IReadOnlyList<string>> RecordAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory, Func<Task> work)
        where TEntryPoint : class
    {
        _ = _subscription.Value;
        factory.Server.PreserveExecutionContext = true;
        var commands = new List<string>();
        _recording.Value = commands;
        try
        {
            await work();
        }
        finally
        {
            _recording.Value = null;
        }

        lock (commands)
        {
            return [.. commands];
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            listener.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name);
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandEventData data && _recording.Value is { } commands)
        {
            lock (commands)
            {
                commands.Add(data.Command.CommandText);
            }
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
