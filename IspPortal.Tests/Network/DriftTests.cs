using IspPortal.Core.Network.RouterOs;
using IspPortal.Core.Network.Sync;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Network;

public sealed class DriftTests(LiveDemoPortalFactory portal) : IClassFixture<LiveDemoPortalFactory>
{
    [Fact]
    public async Task Drift_on_the_router_is_reported_by_kind_and_repaired_from_the_portal()
    {
        var routerId = await portal.RouterIdAsync("KTB");
        Assert.True((await RunAsync(d => d.ReportAsync(routerId))).Value!.InSync);

        var simulator = portal.Simulator("KTB");
        var secrets = simulator.Router.Secrets;
        var removed = secrets[0];
        var changed = secrets[1];
        var connection = await portal.OpenRouterAsync("KTB");
        await connection.RemoveSecretAsync(removed.Id);
        await connection.UpdateSecretAsync(changed.Id, new RouterSecretChanges(Password: "Diganti99", Profile: "isolir"));
        await connection.AddSecretAsync(new NewRouterSecret("TAMU01", "Tamu1234", "default"));

        var report = (await RunAsync(d => d.ReportAsync(routerId))).Value!;
        var repaired = await RunAsync(d => d.RepairAsync(routerId));

        Assert.Equal(DriftKind.MissingOnRouter, report.Items.Single(i => i.Username == removed.Name).Kind);
        var mismatch = report.Items.Single(i => i.Username == changed.Name);
        Assert.Equal(DriftKind.Mismatched, mismatch.Kind);
        Assert.Equal(2, mismatch.Differences.Count);
        Assert.DoesNotContain(mismatch.Differences, d => d.Contains("Diganti99", StringComparison.Ordinal));
        Assert.Equal(DriftKind.UnknownToPortal, report.Items.Single(i => i.Username == "TAMU01").Kind);
        Assert.Equal(3, report.Items.Count);
        Assert.True(repaired.Value!.InSync);
        Assert.Contains(simulator.Router.Secrets, s => s.Name == removed.Name && s.Password == removed.Password);
        Assert.Equal(changed.Profile, simulator.Router.Secrets.Single(s => s.Name == changed.Name).Profile);
        Assert.DoesNotContain(simulator.Router.Secrets, s => s.Name == "TAMU01");
    }

    [Fact]
    public async Task Repairing_one_secret_leaves_the_rest_of_the_drift_for_the_operator()
    {
        var routerId = await portal.RouterIdAsync("CKP");
        var connection = await portal.OpenRouterAsync("CKP");
        await connection.AddSecretAsync(new NewRouterSecret("TAMU02", "Tamu1234", "default"));
        await connection.AddSecretAsync(new NewRouterSecret("TAMU03", "Tamu1234", "default"));

        var after = (await RunAsync(d => d.RepairAsync(routerId, ["TAMU02"]))).Value!;

        Assert.Equal("TAMU03", Assert.Single(after.Items).Username);
    }

    private async Task<IspPortal.Core.Common.Outcome<DriftReport>> RunAsync(Func<RouterDrift, Task<IspPortal.Core.Common.Outcome<DriftReport>>> action)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<RouterDrift>());
    }
}
