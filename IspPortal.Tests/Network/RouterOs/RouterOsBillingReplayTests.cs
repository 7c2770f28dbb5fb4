using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using System.Text;
using IspPortal.Infrastructure.StandIns.RouterOs;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Network.RouterOs;

/// <summary>
/// The calls another Indonesian billing system makes through PEAR2 Net_RouterOS / node-routeros /
/// librouteros, replayed over a plain socket the way those libraries write: one word at a time,
/// every command tagged. The router's state is checked after each step.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class RouterOsBillingReplayTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private RouterOsSimulator _simulator = null!;
    private TcpClient _tcp = null!;
    private NetworkStream _stream = null!;
    private int _tag;

    public async Task InitializeAsync()
    {
        _simulator = new RouterOsSimulator(new RouterOsSimulatorOptions { Password = "rahasia123", Secrets = 3, Active = 3, RedialDelay = TimeSpan.FromSeconds(5) }, _clock);
        await _simulator.StartAsync();
        _tcp = new TcpClient();
        await _tcp.ConnectAsync("127.0.0.1", _simulator.Port);
        _stream = _tcp.GetStream();
        await WriteWordByWordAsync("/login", "=name=admin", "=password=rahasia123");
        Assert.Equal(["!done"], await ReadSentenceAsync());
    }

    public async Task DisposeAsync()
    {
        _tcp.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Add_change_plan_isolate_kick_and_remove_a_PPPoE_customer()
    {
        var router = _simulator.Router;

        // 1. A new customer on the 10M plan with a static address; the CPE dials in.
        var added = await CommandAsync("/ppp/secret/add", "=name=cust003", "=password=Rahasia123", "=service=pppoe", "=profile=10M",
            "=remote-address=10.10.10.23", "=comment=Siti Aminah / paket 10M", "=disabled=no");
        var secretId = Assert.Single(added)["ret"];
        var secret = router.Rows(SimulatorMenus.Secret).Single(s => s["name"] == "cust003");
        Assert.Equal((secretId, "10M", "10.10.10.23", "pppoe", "false"), (secret[".id"], secret["profile"], secret["remote-address"], secret["service"], secret["disabled"]));
        Assert.True(router.Connect("cust003"));
        Assert.Equal("10.10.10.23", router.Sessions.Single(s => s.Name == "cust003").Address);

        // 2. The plan's rate limit changes; the billing system always sends its (empty) up/down scripts with it.
        var profileId = Assert.Single(await CommandAsync("/ppp/profile/print", "=.proplist=.id,name", "?=name=10M"))[".id"];
        Assert.Empty(await CommandAsync("/ppp/profile/set", "=.id=" + profileId, "=rate-limit=7M/15M", "=on-up=", "=on-down="));
        var profile = router.Rows(SimulatorMenus.Profile).Single(p => p["name"] == "10M");
        Assert.Equal(("7M/15M", "", ""), (profile["rate-limit"], profile["on-up"], profile["on-down"]));

        // 3. Unpaid: isolate by switching the profile and dropping the static address.
        var found = Assert.Single(await CommandAsync("/ppp/secret/print", "=.proplist=.id,profile,remote-address", "?=name=cust003"));
        Assert.Equal((secretId, "10M", "10.10.10.23"), (found[".id"], found["profile"], found["remote-address"]));
        Assert.Empty(await CommandAsync("/ppp/secret/set", "=.id=" + secretId, "=profile=" + SimulatedRouter.IsolationProfile));
        Assert.Empty(await CommandAsync("/ppp/secret/unset", "=.id=" + secretId, "=value-name=remote-address"));
        secret = router.Rows(SimulatorMenus.Secret).Single(s => s["name"] == "cust003");
        Assert.Equal(SimulatedRouter.IsolationProfile, secret["profile"]);
        Assert.False(secret.ContainsKey("remote-address"));
        Assert.Equal("10.10.10.23", router.Sessions.Single(s => s.Name == "cust003").Address);

        // 4. Kick the session so the change bites; the CPE redials into the isolation pool.
        var sessionId = Assert.Single(await CommandAsync("/ppp/active/print", "=.proplist=.id", "?=name=cust003"))[".id"];
        Assert.Empty(await CommandAsync("/ppp/active/remove", "=.id=" + sessionId));
        Assert.DoesNotContain(router.Sessions, s => s.Name == "cust003");
        Assert.Equal("nas-request", router.Rows(SimulatorMenus.Secret).Single(s => s["name"] == "cust003")["last-disconnect-reason"]);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var redialled = router.Sessions.Single(s => s.Name == "cust003");
        Assert.Equal(SimulatedRouter.IsolationProfile, redialled.Profile);
        Assert.StartsWith("10.99.", redialled.Address, StringComparison.Ordinal);
        Assert.Contains(router.AddressListEntries, e => e is { List: SimulatedRouter.IsolationProfile, Dynamic: true } && e.Address == redialled.Address);

        // 5. The customer leaves: the secret goes, and its session with it.
        Assert.Empty(await CommandAsync("/ppp/secret/remove", "=.id=" + secretId));
        Assert.DoesNotContain(router.Secrets, s => s.Name == "cust003");
        Assert.DoesNotContain(router.Sessions, s => s.Name == "cust003");
        Assert.DoesNotContain(router.AddressListEntries, e => e.Address == redialled.Address);
        Assert.Equal(3, router.Sessions.Count);
    }

    /// <summary>Sends a tagged command; returns the attributes of its <c>!re</c> rows, or of a <c>!done</c> that carries <c>=ret=</c>.</summary>
    private async Task<List<Dictionary<string, string>>> CommandAsync(params string[] words)
    {
        var tag = (++_tag).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WriteWordByWordAsync([.. words, ".tag=" + tag]);
        var rows = new List<Dictionary<string, string>>();
        while (true)
        {
            var reply = await ReadSentenceAsync();
            Assert.Equal(".tag=" + tag, reply[^1]);
            var attributes = reply[1..^1].Select(w => w.Split('=', 3)).ToDictionary(p => p[1], p => p[2]);
            switch (reply[0])
            {
                case "!re":
                    rows.Add(attributes);
                    break;
                case "!done":
                    if (attributes.Count > 0)
                        rows.Add(attributes);
                    return rows;
                default:
                    Assert.Fail($"{words[0]} got {string.Join(' ', reply)}");
                    break;
            }
        }
    }

    // As PEAR2 Net_RouterOS and librouteros do: each word's length and bytes go out in writes of their own.
    private async Task WriteWordByWordAsync(params string[] words)
    {
        foreach (var word in words)
        {
            var bytes = Encoding.UTF8.GetBytes(word);
            await _stream.WriteAsync(new[] { (byte)bytes.Length });
            await _stream.WriteAsync(bytes);
        }
        await _stream.WriteAsync(new byte[] { 0 });
    }

    private async Task<string[]> ReadSentenceAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var words = new List<string>();
        var length = new byte[1];
        while (true)
        {
            await _stream.ReadExactlyAsync(length, timeout.Token);
            Assert.True(length[0] < 0x80, "This hand-written reader only expects short words.");
            if (length[0] == 0)
                return [.. words];
            var word = new byte[length[0]];
            await _stream.ReadExactlyAsync(word, timeout.Token);
            words.Add(Encoding.UTF8.GetString(word));
        }
    }
}
