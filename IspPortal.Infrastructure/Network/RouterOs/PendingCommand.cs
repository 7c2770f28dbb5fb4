using System.Threading.Channels;
using IspPortal.Core.Network.RouterOs;

namespace IspPortal.Infrastructure.Network.RouterOs;

/// <summary>A command sent on a <see cref="RouterOsConnection"/> whose <c>!done</c> has not been read yet.</summary>
internal sealed class PendingCommand(string tag, string name, TimeSpan timeout, TimeProvider time) : IDisposable
{
    // Rows a slow consumer may fall behind before the read loop waits for it (back-pressure through TCP).
    private const int RepliesBuffered = 256;

    private CancellationTokenSource? _timeout;
    private CancellationTokenSource? _linked;

    public string Tag => tag;

    public string Name => name;

    // Synchronous continuations: the read loop hands a reply straight to the waiting command on its
    // own thread instead of queueing it to the thread pool, a hop that cost more than the round trip.
    public Channel<ApiSentence> Replies { get; } = Channel.CreateBounded<ApiSentence>(
        new BoundedChannelOptions(RepliesBuffered) { SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = true });

    public ApiSentence? Trap { get; set; }

    public bool Finished { get; set; }

    public bool TimedOut => _timeout?.IsCancellationRequested == true;

    /// <summary>The token for one wait: the command timeout restarts at every wait, so a long print that keeps streaming never times out.</summary>
    public CancellationToken StartWaiting(CancellationToken caller)
    {
        if (_timeout is null)
        {
            _timeout = new CancellationTokenSource(timeout, time);
            if (caller.CanBeCanceled)
                _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _timeout.Token);
        }
        else
        {
            _timeout.CancelAfter(timeout);
        }
        return (_linked ?? _timeout).Token;
    }

    public void Dispose()
    {
        _linked?.Dispose();
        _timeout?.Dispose();
    }

    public void ThrowIfTrapped(string router)
    {
        if (Trap is null)
            return;
        var message = Trap["message"] ?? "unknown error";
        throw new RouterOsException(RouterOsException.Classify(message), $"{router} refused {name}: {message}", message);
    }
}
