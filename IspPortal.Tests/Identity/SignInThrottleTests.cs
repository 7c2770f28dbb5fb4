using System.Net;
using System.Text.RegularExpressions;
using IspPortal.Core.Identity;
using IspPortal.Core.Identity.SignIn;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Identity;

/// <summary>The throttle's rules over a real database, with a clock the test moves.</summary>
public sealed class SignInThrottleTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private ServiceProvider _services = default!;
    private AsyncServiceScope _scope;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString, _clock);
        _scope = _services.CreateAsyncScope();
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }

    private SignInThrottle Throttle => _scope.ServiceProvider.GetRequiredService<SignInThrottle>();

    [Fact]
    public async Task Five_failures_for_one_name_from_one_address_refuse_it_there_until_the_window_has_passed()
    {
        var limits = new SignInThrottleOptions();
        for (var attempt = 0; attempt < limits.MaxAttemptsPerUser; attempt++)
        {
            Assert.True(await Throttle.AllowsAsync("budi", "203.0.113.5"));
            await Throttle.RecordAsync("budi", "203.0.113.5", succeeded: false);
        }

        Assert.False(await Throttle.AllowsAsync("BUDI ", "203.0.113.5"));
        Assert.True(await Throttle.AllowsAsync("budi", "203.0.113.6"));
        Assert.True(await Throttle.AllowsAsync("sari", "203.0.113.5"));

        _clock.Advance(limits.Window + TimeSpan.FromSeconds(1));
        Assert.True(await Throttle.AllowsAsync("budi", "203.0.113.5"));
    }

    [Fact]
    public async Task One_address_trying_many_names_is_refused_for_every_name()
    {
        var limits = new SignInThrottleOptions();
        for (var attempt = 0; attempt < limits.MaxAttemptsPerAddress; attempt++)
            await Throttle.RecordAsync($"name{attempt}", "198.51.100.7", succeeded: false);

        Assert.False(await Throttle.AllowsAsync("someone-new", "198.51.100.7"));
        Assert.True(await Throttle.AllowsAsync("someone-new", "198.51.100.8"));
    }

    [Fact]
    public async Task A_flood_of_one_name_from_many_addresses_leaves_its_owner_signing_in_from_where_they_did_before()
    {
        var limits = new SignInThrottleOptions();
        await Throttle.RecordAsync("admin", "192.0.2.10", succeeded: true);
        _clock.Advance(TimeSpan.FromDays(1));
        for (var attempt = 0; attempt < limits.MaxAttemptsPerUserEverywhere; attempt++)
            await Throttle.RecordAsync("admin", $"10.9.{attempt / 200}.{attempt % 200 + 1}", succeeded: false);

        Assert.True(await Throttle.AllowsAsync("admin", "192.0.2.10"));
        Assert.False(await Throttle.AllowsAsync("admin", "192.0.2.99"));
    }

    [Fact]
    public async Task The_cleanup_job_forgets_failures_past_the_window_and_successes_past_the_known_address_time_only()
    {
        var limits = new SignInThrottleOptions();
        await Throttle.RecordAsync("siti", "192.0.2.20", succeeded: true);
        await Throttle.RecordAsync("siti", "192.0.2.21", succeeded: false);
        _clock.Advance(limits.Window + TimeSpan.FromSeconds(1));
        await Throttle.RecordAsync("siti", "192.0.2.22", succeeded: false);

        var first = await Throttle.ForgetOldAsync();
        _clock.Advance(limits.KnownAddressFor);
        var second = await Throttle.ForgetOldAsync();

        Assert.Equal((1, 2), (first, second));
        await using var db = database.CreateDbContext();
        Assert.Empty(db.SignInAttempts);
    }
}

/// <summary>The sign-in page under a flood: the answer never tells a real name from an unknown one.</summary>
public sealed partial class SignInFloodTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_throttled_real_name_and_a_throttled_unknown_name_get_the_same_answer_and_the_owner_signs_in_from_elsewhere()
    {
        var userName = await portal.EnsureUserAsync(Roles.Staff, "flood-target");
        using var attacker = ClientFrom("203.0.113.77");
        var limits = new SignInThrottleOptions();

        var wrong = new List<string>();
        for (var attempt = 0; attempt < limits.MaxAttemptsPerUser; attempt++)
        {
            wrong.Add(await AnswerAsync(attacker, userName, "Wrong#Password1"));
            wrong.Add(await AnswerAsync(attacker, "no-such-user", "Wrong#Password1"));
        }
        var realThrottled = await AnswerAsync(attacker, userName, PortalUsers.Password);
        var unknownThrottled = await AnswerAsync(attacker, "no-such-user", PortalUsers.Password);

        Assert.All(wrong, answer => Assert.Equal("Nama pengguna atau kata sandi salah.", answer));
        Assert.Equal("Terlalu banyak percobaan masuk. Coba lagi dalam beberapa menit.", realThrottled);
        Assert.Equal(realThrottled, unknownThrottled);

        using var owner = ClientFrom("203.0.113.78");
        using var signedIn = await PortalUsers.PostLoginAsync(owner, userName, PortalUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    /// <summary>The page's status must be 200 either way; the answer is the error shown on it.</summary>
    private static async Task<string> AnswerAsync(HttpClient client, string userName, string password)
    {
        using var response = await PortalUsers.PostLoginAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = ErrorText().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, "the page shows an error");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    // The portal trusts forwarded headers from loopback (no proxy configured), as a local proxy would send them.
    private HttpClient ClientFrom(string address)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    [GeneratedRegex("""<div class="error" role="alert">([^<]*)</div>""")]
    private static partial Regex ErrorText();
}
