using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Common;

/// <summary>
/// An in-process publisher of things that just happened, for live screens. Components subscribe and
/// must dispose the subscription with themselves; a subscriber that throws does not stop the others
/// or the code that published.
/// </summary>
public abstract class LiveFeed<T>(ILogger logger)
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

    public void Publish(T item)
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
