using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace IspPortal.Infrastructure.StandIns.RouterOs;

public sealed class RouterOsSimulatorOptions
{
    public IPEndPoint Listen { get; set; } = new(IPAddress.Loopback, 0);

    public string User { get; set; } = "admin";

    public string Password { get; set; } = "";

    public SimulatorLogin Login { get; set; } = SimulatorLogin.Modern;

    public string Identity { get; set; } = "RTR-PPPOE-SIM";

    /// <summary>Seeded secrets are named prefix + 100, 101, …</summary>
    public string SecretPrefix { get; set; } = "CKP";

    public int Secrets { get; set; }

    /// <summary>How many of the seeded secrets are online at start.</summary>
    public int Active { get; set; }

    /// <summary>Sessions connecting or dropping per minute of the simulator's clock; 0 for none.</summary>
    public double ChurnPerMinute { get; set; }

    /// <summary>How long a kicked session's CPE takes to dial again.</summary>
    public TimeSpan RedialDelay { get; set; } = TimeSpan.FromSeconds(5);

    public int Seed { get; set; } = 20250201;

    /// <summary>RouterOS 7.18+ sends <c>!empty</c> before <c>!done</c> when a print has no rows.</summary>
    public bool SendEmpty { get; set; }

    /// <summary>With a certificate the simulator speaks TLS, like the <c>api-ssl</c> service.</summary>
    public X509Certificate2? Certificate { get; set; }
}

/// <summary>Which login methods the simulated RouterOS version accepts (ROUTEROS.md §9.2).</summary>
public enum SimulatorLogin
{
    /// <summary>6.45+ and 7.x: <c>/login =name= =password=</c> only.</summary>
    Modern,
    /// <summary>Before 6.43: always a challenge, answered with an MD5 response.</summary>
    Legacy,
    /// <summary>6.43–6.44: either.</summary>
    Both,
}
