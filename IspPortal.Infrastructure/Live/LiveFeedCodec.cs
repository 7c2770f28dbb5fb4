using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Live;

/// <summary>How one feed's items travel on the bus as JSON (the bus sends a body too large for a notification by reference).</summary>
public abstract class LiveFeedCodec
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public abstract string Kind { get; }

    public abstract Type FeedType { get; }

    public abstract JsonElement Encode(object item);

    /// <summary>Decodes the item and hands it to this instance's feed.</summary>
    public abstract void Deliver(JsonElement body, IServiceProvider services);

    /// <summary>Whether anything on this instance subscribes to the feed (if not, what arrives is not worth reading).</summary>
    public abstract bool IsFollowed(IServiceProvider services);

    /// <summary>Tells this instance's subscribers to re-read: what was sent while the listener was away is gone.</summary>
    public abstract void DeliverResync(IServiceProvider services);

    protected static JsonElement ToElement<TWire>(TWire wire) => JsonSerializer.SerializeToElement(wire, Json);

    protected static TWire Read<TWire>(JsonElement body) =>
        body.Deserialize<TWire>(Json) ?? throw new JsonException($"An empty {typeof(TWire).Name}.");
}

/// <summary>The codec of feed <typeparamref name="TFeed"/>, resolved from the instance's services when something arrives.</summary>
public abstract class LiveFeedCodec<TFeed, TItem> : LiveFeedCodec
    where TFeed : Core.Common.LiveFeed<TItem>
{
    public override Type FeedType => typeof(TFeed);

    public override JsonElement Encode(object item) => Encode((TItem)item);

    public override void Deliver(JsonElement body, IServiceProvider services) => services.GetRequiredService<TFeed>().Deliver(Decode(body));

    public override bool IsFollowed(IServiceProvider services) => services.GetRequiredService<TFeed>().SubscriberCount > 0;

    public override void DeliverResync(IServiceProvider services) => services.GetRequiredService<TFeed>().Deliver(Resync(services));

    protected abstract JsonElement Encode(TItem item);

    protected abstract TItem Decode(JsonElement body);

    protected abstract TItem Resync(IServiceProvider services);
}
