using System.Net;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Identity;

/// <summary>
/// Role × page over real HTTP with the real cookie: the expected grants are written out here,
/// not derived from <see cref="Permissions.GrantedTo"/>, so a grant changed by mistake fails.
/// </summary>
public sealed class AccessMatrixTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string A = Roles.Admin, S = Roles.Staff, T = Roles.Technician, F = Roles.Finance, N = Roles.Noc, M = Roles.Manager;

    public static TheoryData<string, string, bool> Matrix()
    {
        var pages = new Dictionary<string, string[]>
        {
            ["/dashboard"] = [A, S, T, F, N, M],
            ["/customers"] = [A, S, T, F, N, M],
            ["/customers/new"] = [A, S],
            ["/customers/installations"] = [A, S, T],
            ["/notifications/outbox"] = [A, S, T, F, N, M],
            ["/tickets/1/chat"] = [A, S, T, N, M],
            ["/billing/invoices"] = [A, S, F, M],
            ["/billing/invoices/1"] = [A, S, F, M],
            ["/billing/runs"] = [A, S, F, M],
            ["/billing/payments"] = [A, S, F, M],
            ["/finance/expenses"] = [A, S, T, F, N, M],
            ["/finance/income"] = [A, F, M],
            ["/finance/capital"] = [A, F, M],
            ["/finance/investments"] = [A, F, M],
            ["/finance/assets"] = [A, F, M],
            ["/finance/budgets"] = [A, F, M],
            ["/finance/journal"] = [A, F, M],
            ["/finance/ledger"] = [A, F, M],
            ["/finance/trial-balance"] = [A, F, M],
            ["/finance/accounts"] = [A, F, M],
            ["/finance/periods"] = [A, F, M],
            ["/finance/manual-journals"] = [A, F, M],
            ["/network/map"] = [A, T, N, M],
            ["/network/monitoring"] = [A, T, N, M],
            ["/network/wallboard"] = [A, T, N, M],
            ["/network/routers"] = [A, T, N, M],
            ["/network/pools"] = [A, T, N, M],
            ["/tickets"] = [A, S, T, N, M],
            ["/tickets/1"] = [A, S, T, N, M],
            ["/my-work"] = [A, S, T, N, M],
            ["/tickets/analytics"] = [A, F, M],
            ["/reports/saved"] = [A, F, M],
            ["/reports/customers"] = [A, F, M],
            ["/settings/ticket-categories"] = [A, S, F, N, M],
            ["/settings/locations"] = [A, S, F, N, M],
            ["/settings/packages"] = [A, S, F, N, M],
            ["/settings"] = [A],
            ["/settings/notification-templates"] = [A],
            ["/settings/users"] = [A],
            ["/settings/api-keys"] = [A],
            ["/settings/audit"] = [A, M],
            ["/reports/uptime"] = [A, T, F, N, M],
            ["/reports/bandwidth"] = [A, T, F, N, M],
        };
        var data = new TheoryData<string, string, bool>();
        foreach (var (page, allowed) in pages)
            foreach (var role in Roles.All)
                data.Add(role, page, allowed.Contains(role));
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Role_opens_only_the_pages_it_is_granted(string role, string page, bool allowed)
    {
        using var client = await portal.SignInAsync(await portal.EnsureUserAsync(role));

        using var response = await client.GetAsync(new Uri(page.TrimStart('/'), UriKind.Relative));

        if (allowed)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} as {role} answered {(int)response.StatusCode}; the server's last errors:{Environment.NewLine}{portal.ServerErrors.Recent()}");
            Assert.DoesNotContain("data-testid=\"access-denied\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Roles.Technician, false, true)]
    [InlineData(Roles.Finance, true, false)]
    [InlineData(Roles.Manager, true, true)]
    public async Task Dashboard_shows_only_the_figures_the_role_may_read(string role, bool invoices, bool tickets)
    {
        using var client = await portal.SignInAsync(await portal.EnsureUserAsync(role));

        var html = await client.GetStringAsync(new Uri("dashboard", UriKind.Relative));

        Assert.Contains("data-testid=\"stat-customers-active\"", html, StringComparison.Ordinal);
        Assert.Equal(invoices, html.Contains("data-testid=\"stat-invoices-unpaid\"", StringComparison.Ordinal));
        Assert.Equal(tickets, html.Contains("data-testid=\"stat-tickets-open\"", StringComparison.Ordinal));
    }

    /// <summary>The API takes keys only, so these grants show in the use cases that check them (free text to customers, the ticket chat, photos).</summary>
    [Theory]
    [InlineData(Roles.Admin, true, true)]
    [InlineData(Roles.Staff, false, true)]
    [InlineData(Roles.Technician, false, true)]
    [InlineData(Roles.Finance, false, false)]
    [InlineData(Roles.Noc, false, true)]
    [InlineData(Roles.Manager, false, false)]
    public void Only_admin_may_send_free_text_and_read_only_roles_cannot_write_in_the_ticket_chat(string role, bool sendsNotifications, bool writesTickets)
    {
        var actor = Actor.For(null, role, [role]);

        Assert.Equal(sendsNotifications, actor.Holds(Permissions.NotificationsSend));
        Assert.Equal(writesTickets, actor.Holds(Permissions.TicketsWrite));
    }

    [Fact]
    public async Task Access_denied_page_explains_instead_of_showing_content()
    {
        using var client = await portal.SignInAsync(await portal.EnsureUserAsync(Roles.Technician));

        var html = await client.GetStringAsync(new Uri("access-denied", UriKind.Relative));

        Assert.Contains("Akses ditolak", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_login_page()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };

        using var response = await client.GetAsync(new Uri("settings/packages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_the_session_stays()
    {
        using var client = await portal.SignInAsync(await portal.EnsureUserAsync(Roles.Noc));

        using var forged = await client.PostAsync(new Uri("account/logout", UriKind.Relative), new FormUrlEncodedContent([]));
        using var dashboard = await client.GetAsync(new Uri("dashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task Unknown_api_path_without_a_key_answers_401_not_the_sign_in_page()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };

        using var response = await client.GetAsync(new Uri("api/no-such-thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_throttle_even_the_right_one()
    {
        var userName = await portal.EnsureUserAsync(Roles.Staff, "lockout-target");
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await PortalUsers.PostLoginAsync(client, userName, "Wrong#Password1");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        using var locked = await PortalUsers.PostLoginAsync(client, userName, PortalUsers.Password);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("Terlalu banyak percobaan masuk", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
