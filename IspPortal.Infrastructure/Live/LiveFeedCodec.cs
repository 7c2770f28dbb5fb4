using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Live;

/// <summary>How one feed's items travel on the bus: small JSON, or a reference the receiver expands by querying.</summary>
public abstract class LiveFeedCodec
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A body over this many bytes is sent as a reference (the envelope's few bytes stay below NOTIFY's limit).</summary>
    public const int MaxInlineBytes = 7000;

    public abstract string Kind { get; }

    public abstract Type FeedType { get; }

    public abstract JsonElement Encode(object item);

    /// <summary>Decodes (expanding a reference) and hands the item to this instance's feed.</summary>
    public abstract Task DeliverAsync(JsonElement body, IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Whether anything on this instance subscribes to the feed (if not, what arrives is not worth reading).</summary>
    public abstract bool IsFollowed(IServiceProvider services);

    /// <summary>Tells this instance's subscribers to re-read: what was sent while the listener was away is gone.</summary>
    public abstract void DeliverResync(IServiceProvider services);

    protected static JsonElement ToElement<TWire>(TWire wire) => JsonSerializer.SerializeToElement(wire, Json);

    protected static bool Fits(JsonElement body) => System.Text.Encoding.UTF8.GetByteCount(body.GetRawText()) <= MaxInlineBytes;

    protected static TWire Read<TWire>(JsonElement body) =>
        body.Deserialize<TWire>(Json) ?? throw new JsonException($"An empty {typeof(TWire).Name}.");
}

/// <summary>The codec of feed <typeparamref name="TFeed"/>, resolved from the instance's services when something arrives.</summary>
public abstract class LiveFeedCodec<TFeed, TItem> : LiveFeedCodec
    where TFeed : Core.Common.LiveFeed<TItem>
{
    public override Type FeedType => typeof(TFeed);

    public override JsonElement Encode(object item) => Encode((TItem)item);

    public override async Task DeliverAsync(JsonElement body, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<TFeed>().Deliver(await DecodeAsync(body, services, cancellationToken));

    public override bool IsFollowed(IServiceProvider services) => services.GetRequiredService<TFeed>().SubscriberCount > 0;

    public override void DeliverResync(IServiceProvider services) => services.GetRequiredService<TFeed>().Deliver(Resync(services));

    protected abstract JsonElement Encode(TItem item);

    protected abstract Task<TItem> DecodeAsync(JsonElement body, IServiceProvider services, CancellationToken cancellationToken);

    protected abstract TItem Resync(IServiceProvider services);
}
