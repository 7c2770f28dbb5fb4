using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using System.Text;
using IspPortal.Infrastructure.Network.RouterOs;
using IspPortal.Infrastructure.StandIns.RouterOs;

namespace IspPortal.Tests.Network.RouterOs;

/// <summary>
/// The simulator as any RouterOS API client sees it: bytes on a socket, written and read by hand
/// here (not through our client), plus the query semantics of ROUTEROS.md §4.1.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class RouterOsSimulatorProtocolTests : IAsyncLifetime
{
    private RouterOsSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = new RouterOsSimulator(new RouterOsSimulatorOptions { Password = "rahasia123", Identity = "RTR-PPPOE-JKT-01", Secrets = 5, Active = 2, SendEmpty = true });
        await _simulator.StartAsync();
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task A_hand_written_client_logs_in_and_reads_the_identity()
    {
        using var tcp = await ConnectAsync();
        var stream = tcp.GetStream();

        await stream.WriteAsync(Sentence("/login", "=name=admin", "=password=rahasia123"));
        Assert.Equal(["!done"], await ReadSentenceAsync(stream));

        await stream.WriteAsync(Sentence("/system/identity/print", ".tag=a1"));
        Assert.Equal(["!re", "=name=RTR-PPPOE-JKT-01", ".tag=a1"], await ReadSentenceAsync(stream));
        Assert.Equal(["!done", ".tag=a1"], await ReadSentenceAsync(stream));

        await stream.WriteAsync(Sentence("/quit"));
        Assert.Equal(["!fatal", "session terminated on request"], await ReadSentenceAsync(stream));
        Assert.Equal(0, await stream.ReadAsync(new byte[1]));
    }

    [Fact]
    public async Task A_command_before_login_is_fatal_and_closes_the_socket()
    {
        using var tcp = await ConnectAsync();
        var stream = tcp.GetStream();

        await stream.WriteAsync(Sentence("/system/identity/print"));

        Assert.Equal(["!fatal", "not logged in"], await ReadSentenceAsync(stream));
        Assert.Equal(0, await stream.ReadAsync(new byte[1]));
    }

    [Fact]
    public async Task Bad_credentials_get_the_routers_trap_then_done()
    {
        using var tcp = await ConnectAsync();
        var stream = tcp.GetStream();

        await stream.WriteAsync(Sentence("/login", "=name=admin", "=password=salah"));

        Assert.Equal(["!trap", "=message=invalid user name or password (6)"], await ReadSentenceAsync(stream));
        Assert.Equal(["!done"], await ReadSentenceAsync(stream));
    }

    [Fact]
    public async Task Cancel_interrupts_a_running_command_in_the_documented_order()
    {
        using var tcp = await ConnectAsync();
        var stream = await LogInAsync(tcp);
        var stalled = _simulator.StallNextReply();

        await stream.WriteAsync(Sentence("/ppp/secret/print", ".tag=2"));
        await stalled.WaitAsync(TimeSpan.FromSeconds(30));
        await stream.WriteAsync(Sentence("/cancel", "=tag=2", ".tag=7"));

        Assert.Equal(["!trap", "=category=2", "=message=interrupted", ".tag=2"], await ReadSentenceAsync(stream));
        Assert.Equal(["!done", ".tag=7"], await ReadSentenceAsync(stream));
        Assert.Equal(["!done", ".tag=2"], await ReadSentenceAsync(stream));
    }

    [Fact]
    public async Task Print_honours_queries_proplist_count_only_and_empty()
    {
        using var tcp = await ConnectAsync();
        var stream = await LogInAsync(tcp);

        await stream.WriteAsync(Sentence("/ppp/secret/print", "=.proplist=name", "?=name=CKP100", "?=name=CKP102", "?#|"));
        var rows = new[] { await ReadSentenceAsync(stream), await ReadSentenceAsync(stream), await ReadSentenceAsync(stream) };
        await stream.WriteAsync(Sentence("/ppp/secret/print", "=count-only=", "?-comment"));
        var count = await ReadSentenceAsync(stream);
        await stream.WriteAsync(Sentence("/ppp/secret/print", "?=name=nobody"));
        var empty = new[] { await ReadSentenceAsync(stream), await ReadSentenceAsync(stream) };
        await stream.WriteAsync(Sentence("/ppp/nothing/print"));
        var unknown = new[] { await ReadSentenceAsync(stream), await ReadSentenceAsync(stream) };

        Assert.Equal([["!re", "=name=CKP100"], ["!re", "=name=CKP102"], ["!done"]], rows);
        Assert.Equal(["!done", "=ret=5"], count);
        Assert.Equal([["!empty"], ["!done"]], empty);
        Assert.Equal([["!trap", "=category=0", "=message=no such command"], ["!done"]], unknown);
    }

    public static TheoryData<string[], bool[]> QueryVectors => new()
    {
        { ["?type=ether", "?type=vlan", "?#|"], [true, true, false] },
        { ["?type=ether", "?type=vlan", "?#|!"], [false, false, true] },
        { ["?=type=ether"], [true, false, false] },
        { ["?type=ether", "?#!"], [false, true, true] },
        { [], [true, true, true] },
    };

    [Theory]
    [MemberData(nameof(QueryVectors))]
    public void Query_words_follow_the_stack_rules(string[] query, bool[] expected)
    {
        string[] types = ["ether", "vlan", "bridge"];

        Assert.Equal(expected, types.Select(type => SimulatorQuery.Matches(query, name => name == "type" ? type : null)));
    }

    [Fact]
    public void Greater_than_an_empty_value_matches_only_a_non_empty_comment()
    {
        string?[] comments = ["", "x", null];

        Assert.Equal([false, true, false], comments.Select(c => SimulatorQuery.Matches(["?>comment="], name => name == "comment" ? c : null)));
    }

    [Fact]
    public void The_verb_parses_its_options()
    {
        var options = IspPortal.Web.Host.SimulatorCommand.Parse(["--listen", "127.0.0.1:18728", "--user", "admin", "--password", "Demo#2025", "--secrets", "120", "--active", "80", "--churn", "6"]);

        Assert.Equal(("127.0.0.1:18728", "admin", "Demo#2025", 120, 80, 6.0), (options.Listen.ToString(), options.User, options.Password, options.Secrets, options.Active, options.ChurnPerMinute));
    }

    private async Task<TcpClient> ConnectAsync()
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", _simulator.Port);
        return tcp;
    }

    private static async Task<NetworkStream> LogInAsync(TcpClient tcp)
    {
        var stream = tcp.GetStream();
        await stream.WriteAsync(Sentence("/login", "=name=admin", "=password=rahasia123"));
        Assert.Equal(["!done"], await ReadSentenceAsync(stream));
        return stream;
    }

    // Every word here is under 0x80 bytes, so each length prefix is the single byte a hand-written client would send.
    private static byte[] Sentence(params string[] words)
    {
        var bytes = new List<byte>();
        foreach (var word in words)
        {
            var content = Encoding.UTF8.GetBytes(word);
            bytes.Add((byte)content.Length);
            bytes.AddRange(content);
        }
        bytes.Add(0);
        return [.. bytes];
    }

    private static async Task<string[]> ReadSentenceAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var words = new List<string>();
        while (true)
        {
            var length = (await ReadExactlyAsync(stream, 1, timeout.Token))[0];
            Assert.True(length < 0x80, "This hand-written reader only expects short words.");
            if (length == 0)
                return [.. words];
            words.Add(Encoding.UTF8.GetString(await ReadExactlyAsync(stream, length, timeout.Token)));
        }
    }

    private static async Task<byte[]> ReadExactlyAsync(NetworkStream stream, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }
}
