using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Common;

/// <summary>
/// A publisher of things that just happened, for live screens. With an <see cref="ILiveBus"/> that is
/// listening, <see cref="Publish"/> goes through it to every instance of the portal (this one included),
/// which hands it to its subscribers with <see cref="Deliver"/>; without one it is delivered in-process.
/// Components subscribe and must dispose the subscription with themselves; a subscriber that throws
/// does not stop the others or the code that published.
/// </summary>
public abstract class LiveFeed<T>(ILogger logger, ILiveBus? bus = null)
{
    private readonly Lock _lock = new();
    private ImmutableSubscribers _subscribers = new([]);

    public IDisposable Subscribe(Action<T> subscriber)
    {
        lock (_lock)
            _subscribers = new([.. _subscribers.Items, subscriber]);
        return new Subscription(this, subscriber);
    }

    public int SubscriberCount => _subscribers.Items.Count;

    /// <summary>Publishes to every instance's subscribers (after the change is saved).</summary>
    public void Publish(T item)
    {
        if (bus is null || !bus.TrySend(this, item))
            Deliver(item);
    }

    /// <summary>Hands <paramref name="item"/> to this instance's subscribers only (the bus, for what it received).</summary>
    public void Deliver(T item)
    {
        var outer = LiveDelivery.StartedAt;
        LiveDelivery.StartedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            foreach (var subscriber in _subscribers.Items)
            {
                try
                {
                    subscriber(item);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // A broken screen must not stop the job or request that published, nor the other screens.
                    logger.LogWarning(exception, "A live subscriber failed on {Item}", item);
                }
            }
        }
        finally
        {
            LiveDelivery.StartedAt = outer;
        }
    }

    private void Unsubscribe(Action<T> subscriber)
    {
        lock (_lock)
            _subscribers = new([.. _subscribers.Items.Where(s => s != subscriber)]);
    }

    private sealed record ImmutableSubscribers(IReadOnlyList<Action<T>> Items);

    private sealed class Subscription(LiveFeed<T> feed, Action<T> subscriber) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(subscriber);
    }
}

/// <summary>
/// Carries live feeds between the portal's instances (docs/decisions/0024): what one instance
/// publishes reaches the subscribers on all of them.
/// </summary>
public interface ILiveBus
{
    /// <summary>
    /// Queues <paramref name="item"/> for every instance, in order; false when this instance is not
    /// listening (not started, connection lost), and then the feed delivers it in-process.
    /// </summary>
    bool TrySend<T>(LiveFeed<T> feed, T item);
}

/// <summary>
/// When the delivery a subscriber is being called from began (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>),
/// on the delivering thread; 0 outside a delivery. The change was saved before it was published, so
/// a read that starts after this moment sees it, whichever of the item's subscribers asks.
/// </summary>
public static class LiveDelivery
{
    [ThreadStatic]
    private static long _startedAt;

    public static long StartedAt
    {
        get => _startedAt;
        internal set => _startedAt = value;
    }
}
