using System.ComponentModel.DataAnnotations;

namespace IspPortal.Web.Host;

/// <summary>Requests per minute (fixed windows) of the portal's rate limits; see .env.example.</summary>
public sealed class RateLimitSettings
{
    public const string SectionName = "RateLimits";

    /// <summary>
    /// Every request from one client address (an IPv6 /64), counted before authentication, so a flood
    /// of anonymous or wrongly keyed requests is refused before it costs a key lookup. Generous: one
    /// office NAT or mobile carrier (CGNAT) puts many people behind one address.
    /// </summary>
    [Range(1, 1_000_000)]
    public int PerAddressPerMinute { get; set; } = 1200;

    /// <summary>Each API key (by its prefix), inside the per-address limit.</summary>
    [Range(1, 1_000_000)]
    public int ApiPerKeyPerMinute { get; set; } = 600;

    /// <summary>Inbound webhooks (WhatsApp, Midtrans) per sender address, outside the per-address limit: a bulk send's delivery reports come in bursts.</summary>
    [Range(1, 1_000_000)]
    public int WebhooksPerMinute { get; set; } = 3000;

    /// <summary>The public pay and ticket pages per address (the pay page asks the payment gateway for codes).</summary>
    [Range(1, 1_000_000)]
    public int PayPagePerMinute { get; set; } = 120;
}
