using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IspPortal.Core.Network.RouterOs;
using IspPortal.Infrastructure.Network.RouterOs;
using IspPortal.Infrastructure.StandIns.RouterOs;
using IspPortal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IspPortal.Tests.Network.RouterOs;

/// <summary>Our RouterOS client against the simulator over real loopback TCP.</summary>
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes them through IAsyncLifetime.DisposeAsync.")]
public sealed class RouterOsClientTests : IAsyncLifetime
{
    private const string Password = "Demo#2025";
    private readonly ManualTimeProvider _clock = new();
    private RouterOsSimulator _simulator = null!;
    private RouterGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _simulator = new RouterOsSimulator(
            new RouterOsSimulatorOptions { Password = Password, Identity = "CKP-SIM", Secrets = 30, Active = 10, RedialDelay = TimeSpan.FromSeconds(5) },
            _clock);
        await _simulator.StartAsync();
        _gateway = NewGateway(new RouterOsOptions { CommandTimeout = TimeSpan.FromSeconds(20) });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Modern_login_reads_identity_and_resource()
    {
        var router = await _gateway.OpenAsync(Endpoint());

        Assert.Equal("CKP-SIM", await router.GetIdentityAsync());
        var resource = await router.GetResourceAsync();
        Assert.StartsWith("7.", resource.Version, StringComparison.Ordinal);
        Assert.Equal("RB4011iGS+", resource.BoardName);
        Assert.True(resource.FreeMemory > 0);
    }

    [Fact]
    public async Task Wrong_password_is_WrongCredentials_with_the_router_message()
    {
        var error = await Assert.ThrowsAsync<RouterOsException>(() => _gateway.OpenAsync(Endpoint(password: "salah")));

        Assert.Equal(RouterOsErrorCategory.WrongCredentials, error.Category);
        Assert.Equal("invalid user name or password (6)", error.RouterMessage);
    }

    [Fact]
    public async Task A_router_older_than_6_43_is_logged_in_with_the_challenge()
    {
        await using var legacy = new RouterOsSimulator(new RouterOsSimulatorOptions { Password = Password, Login = SimulatorLogin.Legacy, Identity = "OLD" });
        await legacy.StartAsync();

        var router = await _gateway.OpenAsync(Endpoint(legacy.Port));
        Assert.Equal("OLD", await router.GetIdentityAsync());

        var error = await Assert.ThrowsAsync<RouterOsException>(() => _gateway.OpenAsync(Endpoint(legacy.Port, password: "salah")));
        Assert.Equal(RouterOsErrorCategory.WrongCredentials, error.Category);
        Assert.Equal("cannot log in", error.RouterMessage);
    }

    [Fact]
    public async Task Secrets_are_added_queried_changed_and_removed()
    {
        var router = await _gateway.OpenAsync(Endpoint());

        var id = await router.AddSecretAsync(new NewRouterSecret("CKP900", "rahasia1", "10M", "Budi / Jl. Melati 7"));
        await router.UpdateSecretAsync(id, new RouterSecretChanges(Password: "baru1234", Profile: "20M", Comment: "paket 20M"));
        var changed = Assert.Single(await ToListAsync(router.GetSecretsAsync(new RouterSecretQuery(Name: "CKP900"))));
        await router.DisableSecretAsync(id);
        var disabled = await ToListAsync(router.GetSecretsAsync(new RouterSecretQuery(Disabled: true, Properties: ["disabled"])));
        await router.EnableSecretAsync(id);
        var twentyM = await ToListAsync(router.GetSecretsAsync(new RouterSecretQuery(Profile: "20M")));
        await router.RemoveSecretAsync(id);

        Assert.Equal(("CKP900", "baru1234", "20M", false, "paket 20M", "pppoe"), (changed.Name, changed.Password, changed.Profile, changed.Disabled, changed.Comment, changed.Service));
        var onlyDisabled = Assert.Single(disabled);
        Assert.Equal((id, "CKP900", true, null), (onlyDisabled.Id, onlyDisabled.Name, onlyDisabled.Disabled, onlyDisabled.Password));
        Assert.Contains(twentyM, s => s.Name == "CKP900");
        Assert.All(twentyM, s => Assert.Equal("20M", s.Profile));
        Assert.Empty(await ToListAsync(router.GetSecretsAsync(new RouterSecretQuery(Name: "CKP900"))));
        Assert.DoesNotContain(_simulator.Router.Secrets, s => s.Name == "CKP900");
    }

    [Fact]
    public async Task Connections_send_without_waiting_for_Nagle()
    {
        var connection = await _gateway.AcquireAsync(Endpoint(), CancellationToken.None);

        Assert.True(connection.NoDelay);
    }

    [Fact]
    public async Task A_duplicate_secret_is_AlreadyExists_with_the_routers_text()
    {
        var router = await _gateway.OpenAsync(Endpoint());

        var error = await Assert.ThrowsAsync<RouterOsException>(() => router.AddSecretAsync(new NewRouterSecret("CKP100", "x", "default")));

        Assert.Equal(RouterOsErrorCategory.AlreadyExists, error.Category);
        Assert.Equal("failure: secret with the same name already exists", error.RouterMessage);
    }

    [Fact]
    public async Task An_unknown_id_is_NotFound_and_an_unknown_profile_is_InvalidArgument()
    {
        var router = await _gateway.OpenAsync(Endpoint());

        var missing = await Assert.ThrowsAsync<RouterOsException>(() => router.RemoveSecretAsync("*FFFF"));
        var badProfile = await Assert.ThrowsAsync<RouterOsException>(() => router.AddSecretAsync(new NewRouterSecret("CKP901", "x", "100M")));

        Assert.Equal((RouterOsErrorCategory.NotFound, "no such item"), (missing.Category, missing.RouterMessage));
        Assert.Equal(RouterOsErrorCategory.InvalidArgument, badProfile.Category);
        Assert.Equal("input does not match any value of profile", badProfile.RouterMessage);
    }

    [Fact]
    public async Task Utf8_names_and_comments_round_trip()
    {
        var router = await _gateway.OpenAsync(Endpoint());

        await router.AddSecretAsync(new NewRouterSecret("Sántoso-日本", "kata sandi ü", "default", "Jl. Melati № 7 — Bü"));
        var secret = Assert.Single(await ToListAsync(router.GetSecretsAsync(new RouterSecretQuery(Name: "Sántoso-日本"))));

        Assert.Equal(("kata sandi ü", "Jl. Melati № 7 — Bü"), (secret.Password, secret.Comment));
    }

    [Theory]
    [InlineData(0x80)]
    [InlineData(0x4000)]
    [InlineData(0x200000)]
    public async Task Words_at_the_length_boundaries_travel_both_ways(int wordLength)
    {
        var router = await _gateway.OpenAsync(Endpoint());
        var comment = new string('k', wordLength - "=comment=".Length);

        var id = await router.AddSecretAsync(new NewRouterSecret($"BIG{wordLength}", "x", "default", comment));
        var secret = Assert.Single(await ToListAsync(router.GetSecretsAsync(new RouterSecretQuery(Name: $"BIG{wordLength}", Properties: ["comment"]))));

        Assert.Equal(id, secret.Id);
        Assert.Equal(comment, secret.Comment);
    }

    [Fact]
    public async Task Concurrent_commands_on_one_connection_each_get_their_own_replies()
    {
        await using var gateway = NewGateway(new RouterOsOptions { MaxConnectionsPerRouter = 1 });
        var router = await gateway.OpenAsync(Endpoint());
        var names = Enumerable.Range(100, 30).Select(n => $"CKP{n}").ToList();

        var results = await Task.WhenAll(names.Select(async name => (name, rows: await ToListAsync(router.GetSecretsAsync(new RouterSecretQuery(Name: name))))));

        Assert.All(results, r => Assert.Equal(r.name, Assert.Single(r.rows).Name));
        Assert.Equal(1, _simulator.ConnectionCount);
    }

    [Fact]
    public async Task Streaming_twenty_thousand_secrets_yields_rows_while_the_router_is_still_sending()
    {
        await using var big = new RouterOsSimulator(new RouterOsSimulatorOptions { Password = Password, Secrets = 20_000 });
        await big.StartAsync();
        var router = await _gateway.OpenAsync(Endpoint(big.Port));
        var stalled = big.StallNextReply(afterRows: 1_000);

        var count = 0;
        var namesSeen = new HashSet<string>();
        await foreach (var secret in router.GetSecretsAsync(new RouterSecretQuery(Properties: ["name", "profile"])))
        {
            if (count == 0)
            {
                // The router is held after 1,000 rows, so this first row reached us before the reply ended.
                await stalled.WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(0, big.CompletedCommands);
                big.ReleaseStall();
            }
            count++;
            namesSeen.Add(secret.Name);
        }

        Assert.Equal(20_000, count);
        Assert.Equal(20_000, namesSeen.Count);
        Assert.Contains("CKP20099", namesSeen);
    }

    [Fact]
    public async Task A_connection_dropped_mid_reply_fails_as_Unreachable_and_the_next_call_reconnects()
    {
        var router = await _gateway.OpenAsync(Endpoint());
        var stalled = _simulator.StallNextReply(afterRows: 5);

        var error = await Assert.ThrowsAsync<RouterOsException>(async () =>
        {
            var rows = 0;
            await foreach (var _ in router.GetSecretsAsync())
            {
                if (rows++ > 0)
                    continue;
                await stalled.WaitAsync(TimeSpan.FromSeconds(30));
                _simulator.DropConnections();
            }
        });

        Assert.Equal(RouterOsErrorCategory.Unreachable, error.Category);
        Assert.Equal("CKP-SIM", await router.GetIdentityAsync());
    }

    [Fact]
    public async Task A_silent_router_is_a_Timeout_and_the_next_call_works()
    {
        await using var gateway = NewGateway(new RouterOsOptions { CommandTimeout = TimeSpan.FromMilliseconds(300) });
        var router = await gateway.OpenAsync(Endpoint());
        _ = _simulator.StallNextReply();

        var error = await Assert.ThrowsAsync<RouterOsException>(() => router.GetIdentityAsync());

        Assert.Equal(RouterOsErrorCategory.Timeout, error.Category);
        _simulator.ReleaseStall();
        Assert.Equal("CKP-SIM", await router.GetIdentityAsync());
    }

    [Fact]
    public async Task Cancelling_a_command_cancels_it_on_the_router_and_keeps_the_connection()
    {
        await using var gateway = NewGateway(new RouterOsOptions { MaxConnectionsPerRouter = 1 });
        var router = await gateway.OpenAsync(Endpoint());
        var stalled = _simulator.StallNextReply();
        using var cancel = new CancellationTokenSource();

        var identity = router.GetIdentityAsync(cancel.Token);
        await stalled.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => identity);
        Assert.Equal("CKP-SIM", await router.GetIdentityAsync());
        Assert.Equal(1, _simulator.ConnectionCount);
    }

    [Fact]
    public async Task Disabling_a_secret_drops_its_session_and_it_does_not_redial()
    {
        var router = await _gateway.OpenAsync(Endpoint());
        var secret = Assert.Single(await ToListAsync(router.GetSecretsAsync(new RouterSecretQuery(Name: "CKP100"))));
        Assert.Single(await ToListAsync(router.GetSessionsAsync("CKP100")));

        await router.DisableSecretAsync(secret.Id);
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Empty(await ToListAsync(router.GetSessionsAsync("CKP100")));
        Assert.Equal(9, (await ToListAsync(router.GetSessionsAsync())).Count);
        Assert.Equal(9, await router.CountSessionsAsync());
    }

    [Fact]
    public async Task Sessions_read_with_a_proplist_carry_only_those_properties()
    {
        var router = await _gateway.OpenAsync(Endpoint());

        var sessions = await ToListAsync(router.GetSessionsAsync(properties: ["name", "address"]));

        Assert.Equal(10, sessions.Count);
        Assert.All(sessions, s => Assert.True(s.Name.Length > 0 && s.Address is not null && s.Id == "" && s.Uptime is null && s.CallerId is null));
    }

    [Fact]
    public async Task A_kicked_session_redials_after_the_delay_with_the_secrets_new_profile()
    {
        var router = await _gateway.OpenAsync(Endpoint());
        var secret = Assert.Single(await ToListAsync(router.GetSecretsAsync(new RouterSecretQuery(Name: "CKP101"))));
        var before = Assert.Single(await ToListAsync(router.GetSessionsAsync("CKP101")));

        await router.UpdateSecretAsync(secret.Id, new RouterSecretChanges(Profile: SimulatedRouter.IsolationProfile));
        Assert.Equal(1, await router.KickUserAsync("CKP101"));
        var rightAfter = await ToListAsync(router.GetSessionsAsync("CKP101"));
        _clock.Advance(TimeSpan.FromSeconds(4));
        var beforeDelay = await ToListAsync(router.GetSessionsAsync("CKP101"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var after = Assert.Single(await ToListAsync(router.GetSessionsAsync("CKP101")));

        Assert.Empty(rightAfter);
        Assert.Empty(beforeDelay);
        Assert.NotEqual(before.Id, after.Id);
        Assert.StartsWith("10.99.", after.Address, StringComparison.Ordinal);
        Assert.Equal(SimulatedRouter.IsolationProfile, Assert.Single(_simulator.Router.Sessions, s => s.Name == "CKP101").Profile);
        var listed = Assert.Single(await ToListAsync(router.GetAddressListAsync("isolir")));
        Assert.Equal((after.Address, true), (listed.Address, listed.Dynamic));
    }

    [Fact]
    public async Task Kicking_a_session_that_is_already_gone_is_not_an_error()
    {
        var router = await _gateway.OpenAsync(Endpoint());
        var session = Assert.Single(await ToListAsync(router.GetSessionsAsync("CKP102")));

        await router.KickSessionAsync(session.Id);
        await router.KickSessionAsync(session.Id);

        Assert.Equal(0, await router.KickUserAsync("CKP102"));
    }

    [Fact]
    public async Task Interfaces_count_bytes_as_time_passes_and_each_session_has_one()
    {
        var router = await _gateway.OpenAsync(Endpoint());

        var first = await ToListAsync(router.GetInterfacesAsync());
        _clock.Advance(TimeSpan.FromMinutes(1));
        var later = await ToListAsync(router.GetInterfacesAsync());
        var pppoe = await ToListAsync(router.GetInterfacesAsync("pppoe-in"));
        var links = await ToListAsync(router.GetInterfacesAsync(dynamic: false));

        Assert.True(later.Single(i => i.Name == "ether1").RxBytes > first.Single(i => i.Name == "ether1").RxBytes);
        Assert.Equal(10, pppoe.Count);
        Assert.Contains(pppoe, i => i.Name == "<pppoe-CKP100>" && i.Running && i.Dynamic && i.TxBytes > 0);
        Assert.Equal(["ether1", "ether2"], links.Select(i => i.Name).Order());
        Assert.Equal(TimeSpan.FromMinutes(1), (await router.GetResourceAsync()).Uptime);
    }

    [Fact]
    public async Task Profiles_and_address_lists_are_managed()
    {
        var router = await _gateway.OpenAsync(Endpoint());

        await router.AddProfileAsync(new NewRouterProfile("50M", "10.10.0.1", "pool-50M", "25M/50M"));
        var profiles = await ToListAsync(router.GetProfilesAsync());
        var entryId = await router.AddAddressListEntryAsync("isolir", "10.10.10.21", "CKP100 unpaid");
        var duplicate = await Assert.ThrowsAsync<RouterOsException>(() => router.AddAddressListEntryAsync("isolir", "10.10.10.21"));
        var listed = await ToListAsync(router.GetAddressListAsync("isolir"));
        await router.RemoveAddressListEntryAsync(entryId);

        Assert.Contains(profiles, p => p is { Id: "*0", Name: "default" });
        Assert.Contains(profiles, p => p is { Name: "isolir", AddressList: "isolir" });
        Assert.Contains(profiles, p => p is { Name: "50M", RateLimit: "25M/50M" });
        Assert.Equal(RouterOsErrorCategory.AlreadyExists, duplicate.Category);
        Assert.Equal(("10.10.10.21", "CKP100 unpaid", false), (listed.Single().Address, listed.Single().Comment, listed.Single().Dynamic));
        Assert.Empty(await ToListAsync(router.GetAddressListAsync("isolir")));
    }

    [Fact]
    public async Task Tls_to_a_self_signed_router_needs_its_pinned_fingerprint()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=router.local", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        await using var tls = new RouterOsSimulator(new RouterOsSimulatorOptions { Password = Password, Identity = "TLS", Certificate = certificate });
        await tls.StartAsync();
        var fingerprint = Convert.ToHexString(SHA256.HashData(certificate.RawData));

        var pinned = await _gateway.OpenAsync(new RouterEndpoint("127.0.0.1", tls.Port, true, fingerprint, "admin", Password));
        var unpinned = await Assert.ThrowsAsync<RouterOsException>(() => _gateway.OpenAsync(new RouterEndpoint("127.0.0.1", tls.Port, true, null, "admin", Password)));
        var wrongPin = await Assert.ThrowsAsync<RouterOsException>(() => _gateway.OpenAsync(new RouterEndpoint("127.0.0.1", tls.Port, true, new string('0', 64), "admin", Password)));

        Assert.Equal("TLS", await pinned.GetIdentityAsync());
        Assert.Equal(RouterOsErrorCategory.Unreachable, unpinned.Category);
        Assert.Equal(RouterOsErrorCategory.Unreachable, wrongPin.Category);
    }

    private RouterEndpoint Endpoint(int? port = null, string password = Password) =>
        new("127.0.0.1", port ?? _simulator.Port, false, null, "admin", password);

    private static RouterGateway NewGateway(RouterOsOptions options) =>
        new(Options.Create(options), TimeProvider.System, NullLogger<RouterGateway>.Instance);

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
            list.Add(item);
        return list;
    }
}
