namespace IspPortal.Core.Billing;

/// <summary>An internet package sold to customers, mapped to a MikroTik PPP profile.</summary>
public class ServicePackage
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 100;
    public const int ProfileMaxLength = 64;

    public int Id { get; set; }

    /// <summary>Unique, upper-case, e.g. <c>HOME-20</c>; used by the API and imports.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Download speed in Mbps (the router's tx towards the customer).</summary>
    public int DownloadMbps { get; set; }

    /// <summary>Upload speed in Mbps (the router's rx from the customer).</summary>
    public int UploadMbps { get; set; }

    /// <summary>The PPP profile name on MikroTik that enforces the speed.</summary>
    public string MikrotikProfile { get; set; } = "";

    /// <summary>Monthly price in rupiah, before tax.</summary>
    public decimal MonthlyPrice { get; set; }

    /// <summary>One-off fee on the customer's first invoice, in rupiah before tax; null: the default in billing settings.</summary>
    public decimal? InstallationFee { get; set; }

    /// <summary>Whether PPN applies to this package at the rate set in billing settings.</summary>
    public bool IsTaxable { get; set; }

    public const int DescriptionMaxLength = 1000;

    public string? Description { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>MikroTik rate-limit text "rx/tx" from the router's point of view.</summary>
    public string RateLimit => $"{UploadMbps}M/{DownloadMbps}M";
}
