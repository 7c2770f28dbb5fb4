using System.Net.Http.Json;
using IspPortal.Core.Customers;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Isolation;
using IspPortal.Core.Network.Routers;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Network;

/// <summary>Isolir and activate against the demo's simulated routers, over the real RouterOS protocol.</summary>
public sealed class IsolationTests(LiveDemoPortalFactory portal) : IClassFixture<LiveDemoPortalFactory>
{
    [Fact]
    public async Task Isolate_moves_the_secret_to_the_isolation_profile_and_kicks_then_activate_restores_the_package()
    {
        var (customer, username, packageProfile) = await portal.ActiveCustomerAsync("CKP", ConnectionState.Online);
        var router = portal.Simulator("CKP");
        var sessionBefore = router.Router.Sessions.Single(s => s.Name == username);

        var isolated = await RunAsync(i => i.IsolateAsync(customer, "Tunggakan 2 bulan", StatusChangeSource.User));

        Assert.True(isolated.Succeeded, isolated.FirstError);
        Assert.True(isolated.Value!.AppliedOnRouter, isolated.Value.Message);
        Assert.Equal("isolir", router.Router.Secrets.Single(s => s.Name == username).Profile);
        // Kicked: the old session is gone; a redial (after the simulator's delay) comes back isolated.
        Assert.DoesNotContain(router.Router.Sessions, s => s.Id == sessionBefore.Id);
        Assert.All(router.Router.Sessions.Where(s => s.Name == username), s => Assert.Equal("isolir", s.Profile));
        await using (var db = portal.Database.CreateDbContext())
        {
            var stored = await db.Customers.SingleAsync(c => c.Code == customer);
            Assert.Equal(CustomerStatus.Isolated, stored.Status);
            var secret = await db.PppoeSecrets.SingleAsync(s => s.Username == username && !s.IsReplica);
            Assert.Equal(PppoeSecretStatus.Provisioned, secret.Status);
            Assert.Equal("isolir", secret.Profile);
            Assert.True(await db.CustomerStatusLogs.AnyAsync(l => l.CustomerId == stored.Id && l.ToValue == "Isolated" && l.Reason == "Tunggakan 2 bulan"));
            Assert.True(await db.RouterLogs.AnyAsync(l => l.CustomerId == stored.Id && l.Operation == "isolate" && l.Outcome == RouterLogOutcome.Succeeded));
        }

        var activated = await RunAsync(i => i.ActivateAsync(customer, "Sudah bayar", StatusChangeSource.User));

        Assert.True(activated.Value!.AppliedOnRouter, activated.Value.Message);
        Assert.Equal(packageProfile, router.Router.Secrets.Single(s => s.Name == username).Profile);
        Assert.All(router.Router.Sessions.Where(s => s.Name == username), s => Assert.Equal(packageProfile, s.Profile));
    }

    [Fact]
    public async Task Isolating_twice_changes_nothing_the_second_time()
    {
        var (customer, _, _) = await portal.ActiveCustomerAsync("CKP", ConnectionState.Online, skip: 5);
        await RunAsync(i => i.IsolateAsync(customer, "Tunggakan", StatusChangeSource.Billing));
        await using var db = portal.Database.CreateDbContext();
        var id = (await db.Customers.SingleAsync(c => c.Code == customer)).Id;
        var logsBefore = await db.RouterLogs.CountAsync(l => l.CustomerId == id);
        var statusLogsBefore = await db.CustomerStatusLogs.CountAsync(l => l.CustomerId == id);

        var again = await RunAsync(i => i.IsolateAsync(customer, "Tunggakan", StatusChangeSource.Billing));

        Assert.True(again.Value!.AlreadyDone);
        Assert.Equal(logsBefore, await db.RouterLogs.CountAsync(l => l.CustomerId == id));
        Assert.Equal(statusLogsBefore, await db.CustomerStatusLogs.CountAsync(l => l.CustomerId == id));
    }

    [Fact]
    public async Task Unreachable_router_keeps_the_decision_and_marks_the_secret_failed_for_the_sync_to_retry()
    {
        var (customer, username, _) = await portal.ActiveCustomerAsync("KRW", ConnectionState.Online);
        await portal.MoveRouterAsync("KRW", FreePorts.Consecutive(1));

        var result = await RunAsync(i => i.IsolateAsync(customer, "Tunggakan", StatusChangeSource.Billing));

        Assert.True(result.Succeeded);
        Assert.False(result.Value!.AppliedOnRouter);
        Assert.Contains("tidak dapat dihubungi", result.Value.Message, StringComparison.Ordinal);
        await using var db = portal.Database.CreateDbContext();
        Assert.Equal(CustomerStatus.Isolated, (await db.Customers.SingleAsync(c => c.Code == customer)).Status);
        var secret = await db.PppoeSecrets.SingleAsync(s => s.Username == username && !s.IsReplica);
        Assert.Equal(PppoeSecretStatus.Failed, secret.Status);
        Assert.NotNull(secret.LastError);
        Assert.True(await db.RouterLogs.AnyAsync(l => l.Operation == "isolate" && l.Outcome == RouterLogOutcome.Failed));
    }

    [Fact]
    public async Task Unknown_customer_and_missing_reason_are_refused_and_change_nothing()
    {
        var unknown = await RunAsync(i => i.IsolateAsync("KCB-XXX000000-999", "Tunggakan", StatusChangeSource.User));
        var (customer, _, _) = await portal.ActiveCustomerAsync("CKP", ConnectionState.Online, skip: 9);
        var noReason = await RunAsync(i => i.IsolateAsync(customer, "  ", StatusChangeSource.User));

        Assert.Contains("tidak ditemukan", unknown.Errors["CustomerCode"][0], StringComparison.Ordinal);
        Assert.True(noReason.Errors.ContainsKey("Reason"));
        await using var db = portal.Database.CreateDbContext();
        Assert.Equal(CustomerStatus.Active, (await db.Customers.SingleAsync(c => c.Code == customer)).Status);
    }

    [Fact]
    public async Task Bulk_isolir_reports_progress_for_each_customer_and_a_refusal_does_not_stop_the_rest()
    {
        var (first, firstUser, _) = await portal.ActiveCustomerAsync("CKP", ConnectionState.Online, skip: 12);
        var (second, secondUser, _) = await portal.ActiveCustomerAsync("CKP", ConnectionState.Online, skip: 13);
        var steps = new List<BulkIsolationProgress>();
        await using var scope = portal.Services.CreateAsyncScope();

        var outcome = await scope.ServiceProvider.GetRequiredService<BulkIsolation>().ExecuteAsync(
            [first, "KCB-TIDAK-ADA", second], CustomerStatus.Isolated, "Tunggakan massal", new SynchronousProgress(steps.Add));

        Assert.Equal(2, outcome.Value!.Applied);
        Assert.Equal(1, outcome.Value.Refused);
        Assert.Equal([1, 2, 3], steps.Select(s => s.Done));
        Assert.All(steps, s => Assert.Equal(3, s.Total));
        Assert.False(steps[1].Succeeded);
        var router = portal.Simulator("CKP").Router;
        Assert.Equal("isolir", router.Secrets.Single(s => s.Name == firstUser).Profile);
        Assert.Equal("isolir", router.Secrets.Single(s => s.Name == secondUser).Profile);
    }

    private sealed class SynchronousProgress(Action<BulkIsolationProgress> report) : IProgress<BulkIsolationProgress>
    {
        public void Report(BulkIsolationProgress value) => report(value);
    }

    private async Task<IspPortal.Core.Common.Outcome<IsolationResult>> RunAsync(Func<CustomerIsolation, Task<IspPortal.Core.Common.Outcome<IsolationResult>>> action)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CustomerIsolation>());
    }
}

public sealed class MikrotikApiTests(LiveDemoPortalFactory portal) : IClassFixture<LiveDemoPortalFactory>
{
    [Fact]
    public async Task Api_isolates_and_activates_by_customer_code()
    {
        string code;
        await using (var db = portal.Database.CreateDbContext())
        {
            var router = await db.Routers.SingleAsync(r => r.Code == "KTB");
            code = await db.Customers.Where(c => c.RouterId == router.Id && c.Status == CustomerStatus.Active).OrderBy(c => c.Id).Select(c => c.Code).FirstAsync();
        }
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await portal.IssueApiKeyAsync(IspPortal.Core.Identity.Permissions.NetworkOperate));

        using var isolated = await client.PostAsJsonAsync(new Uri("api/mikrotik/isolir", UriKind.Relative), new { customerCode = code, reason = "Tunggakan" });
        using var activated = await client.PostAsJsonAsync(new Uri("api/mikrotik/activate", UriKind.Relative), new { customerCode = code, reason = "Lunas" });
        using var unknown = await client.PostAsJsonAsync(new Uri("api/mikrotik/isolir", UriKind.Relative), new { customerCode = "NOPE", reason = "x" });

        Assert.Equal(System.Net.HttpStatusCode.OK, isolated.StatusCode);
        var body = await isolated.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("Isolated", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("appliedOnRouter").GetBoolean());
        Assert.Equal("Active", (await activated.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_syncs_one_router_by_code_or_all_of_them()
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await portal.IssueApiKeyAsync(IspPortal.Core.Identity.Permissions.NetworkOperate));

        using var one = await client.PostAsJsonAsync(new Uri("api/mikrotik/sync", UriKind.Relative), new { routerCode = "ckp" });
        using var all = await client.PostAsync(new Uri("api/mikrotik/sync", UriKind.Relative), JsonContent.Create(new { }));
        using var unknown = await client.PostAsJsonAsync(new Uri("api/mikrotik/sync", UriKind.Relative), new { routerCode = "NOPE" });

        var single = await one.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("CKP", single[0].GetProperty("routerCode").GetString());
        Assert.True(single[0].GetProperty("succeeded").GetBoolean());
        Assert.True(single[0].GetProperty("sessions").GetInt32() > 0);
        Assert.Equal(3, (await all.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetArrayLength());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Api_key_without_network_operate_may_not_isolate()
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await portal.IssueApiKeyAsync(IspPortal.Core.Identity.Permissions.NetworkRead));

        using var response = await client.PostAsJsonAsync(new Uri("api/mikrotik/isolir", UriKind.Relative), new { customerCode = "X", reason = "x" });

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }
}
