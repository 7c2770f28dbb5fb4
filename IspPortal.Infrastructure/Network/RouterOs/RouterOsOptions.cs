namespace IspPortal.Infrastructure.Network.RouterOs;

/// <summary>Configuration section <c>RouterOs</c>.</summary>
public sealed class RouterOsOptions
{
    public const string Section = "RouterOs";

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a command may wait for its next reply sentence; a long print that keeps
    /// streaming never times out (ROUTEROS.md §7.4).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Connections kept per router (host, port, user). Commands share them through tags.</summary>
    public int MaxConnectionsPerRouter { get; set; } = 2;

    public int MaxWordBytes { get; set; } = ApiSentenceReader.DefaultMaxWordBytes;
}
