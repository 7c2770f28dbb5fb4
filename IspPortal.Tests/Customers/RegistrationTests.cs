using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Sync;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Customers;

/// <summary>PSB end to end: real PostgreSQL, the demo's simulated routers over the RouterOS protocol.</summary>
public sealed class RegistrationTests(LiveDemoPortalFactory portal) : IClassFixture<LiveDemoPortalFactory>
{
    [Fact]
    public async Task Registration_saves_the_customer_and_puts_the_generated_secret_on_the_router()
    {
        var input = await InputAsync("CKP", "3201014501900001");

        var outcome = await RegisterAsync(input);

        Assert.True(outcome.Succeeded, outcome.FirstError);
        var result = outcome.Value!;
        Assert.True(result.Provisioned, result.Message);
        Assert.Matches(@"^KCB-CKP\d{6}-\d{3}$", result.Code);
        Assert.Matches(@"^CKP[1-9]\d{2}$", result.PppoeUsername);
        var onRouter = Assert.Single(portal.Simulator("CKP").Router.Secrets, s => s.Name == result.PppoeUsername);
        Assert.Equal((result.PppoePassword, "paket-20M"), (onRouter.Password, onRouter.Profile));

        await using var db = portal.Database.CreateDbContext();
        var customer = await db.Customers.SingleAsync(c => c.Code == result.Code);
        Assert.Equal((CustomerStatus.Active, "+6281234567890", new DateOnly(1990, 1, 5)), (customer.Status, customer.Phone, customer.BirthDate));
        Assert.NotEqual("3201014501900001", customer.NikEncrypted);
        Assert.Equal(64, customer.NikHash!.Length);
        var secret = await db.PppoeSecrets.SingleAsync(s => s.CustomerId == customer.Id);
        Assert.NotEqual(result.PppoePassword, secret.PasswordEncrypted);
        Assert.Equal(PppoeSecretStatus.Provisioned, secret.Status);
        var registration = await db.CustomerRegistrations.SingleAsync(r => r.CustomerId == customer.Id);
        Assert.Equal(RegistrationStatus.AwaitingInstallation, registration.Status);
        Assert.Equal(input.Service.TechnicianId, registration.TechnicianId);
        var welcome = await db.OutboxMessages.SingleAsync(m => m.CustomerId == customer.Id && m.Template == RegisterCustomer.WelcomeTemplate);
        Assert.Equal(("welcome:" + result.Code, RegisterCustomer.WelcomeTemplate), (welcome.IdempotencyKey, welcome.Template));
        Assert.Contains(result.PppoeUsername, welcome.Parameters, StringComparison.Ordinal);
        Assert.DoesNotContain(result.PppoePassword, welcome.Parameters, StringComparison.Ordinal);
        Assert.Single(await db.CustomerLocationHistory.Where(h => h.CustomerId == customer.Id).ToListAsync());
        Assert.Equal(["PendingProvisioning", "Active"],
            await db.CustomerStatusLogs.Where(l => l.CustomerId == customer.Id && l.Kind == StatusChangeKind.Lifecycle).OrderBy(l => l.Id).Select(l => l.ToValue).ToListAsync());
    }

    [Fact]
    public async Task Twenty_agents_registering_at_once_get_twenty_distinct_gap_free_codes_and_usernames()
    {
        var inputs = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => InputAsync("KTB", $"320101{i + 1:00}0190{i + 1:0000}")));

        var outcomes = await Task.WhenAll(inputs.Select(RegisterAsync));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.FirstError));
        var codes = outcomes.Select(o => o.Value!.Code).Order(StringComparer.Ordinal).ToList();
        var numbers = codes.Select(c => int.Parse(c[^3..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 20), numbers);
        Assert.Single(codes.Select(c => c[..^3]).Distinct());
        Assert.Equal(20, outcomes.Select(o => o.Value!.PppoeUsername).Distinct().Count());
        Assert.All(outcomes, o => Assert.Single(portal.Simulator("KTB").Router.Secrets, s => s.Name == o.Value!.PppoeUsername));
    }

    [Fact]
    public async Task With_the_router_down_the_customer_waits_and_the_sync_provisions_it_exactly_once()
    {
        var realPort = await portal.MoveRouterAsync("KRW", FreePorts.Consecutive(1));
        Outcome<RegistrationResult> outcome;
        try
        {
            outcome = await RegisterAsync(await InputAsync("KRW", "3201010501900001"));
        }
        finally
        {
            await portal.MoveRouterAsync("KRW", realPort);
        }
        Assert.True(outcome.Succeeded, outcome.FirstError);
        var result = outcome.Value!;
        Assert.False(result.Provisioned);
        Assert.Contains("menunggu provisioning", result.Message, StringComparison.Ordinal);
        await using (var db = portal.Database.CreateDbContext())
        {
            var waiting = await db.Customers.SingleAsync(c => c.Code == result.Code);
            Assert.Equal(CustomerStatus.PendingProvisioning, waiting.Status);
            Assert.Equal(PppoeSecretStatus.Failed, (await db.PppoeSecrets.SingleAsync(s => s.CustomerId == waiting.Id)).Status);
            Assert.NotNull((await db.CustomerRegistrations.SingleAsync(r => r.CustomerId == waiting.Id)).LastProvisioningError);
        }
        Assert.DoesNotContain(portal.Simulator("KRW").Router.Secrets, s => s.Name == result.PppoeUsername);

        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SyncRouter>().ExecuteAsync(await portal.RouterIdAsync("KRW"));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<ProvisionCustomer>().ExecuteAsync(result.CustomerId);
            Assert.True(again.Value!.Provisioned);
        }

        Assert.Single(portal.Simulator("KRW").Router.Secrets, s => s.Name == result.PppoeUsername);
        await using var after = portal.Database.CreateDbContext();
        var customer = await after.Customers.SingleAsync(c => c.Code == result.Code);
        Assert.Equal(CustomerStatus.Active, customer.Status);
        Assert.Equal(RegistrationStatus.AwaitingInstallation, (await after.CustomerRegistrations.SingleAsync(r => r.CustomerId == customer.Id)).Status);
        Assert.Equal(PppoeSecretStatus.Provisioned, (await after.PppoeSecrets.SingleAsync(s => s.CustomerId == customer.Id)).Status);
    }

    [Fact]
    public async Task A_secret_already_on_the_router_is_adopted_not_added_twice()
    {
        var result = (await RegisterAsync(await InputAsync("CKP", "3201010502900001"))).Value!;
        await using (var db = portal.Database.CreateDbContext())
        {
            // As if the reply to the add was lost: the portal still thinks it is pending.
            await db.PppoeSecrets.Where(s => s.CustomerId == result.CustomerId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, PppoeSecretStatus.Pending));
        }

        await using var scope = portal.Services.CreateAsyncScope();
        var again = await scope.ServiceProvider.GetRequiredService<ProvisionCustomer>().ExecuteAsync(result.CustomerId);

        Assert.True(again.Value!.Provisioned);
        Assert.Single(portal.Simulator("CKP").Router.Secrets, s => s.Name == result.PppoeUsername);
    }

    [Fact]
    public async Task A_replicating_pool_copies_the_secret_to_its_backup_and_isolation_reaches_the_copy_through_the_sync()
    {
        var primary = await portal.RouterIdAsync("CKP");
        var backup = await portal.RouterIdAsync("KTB");
        int poolId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var pool = await scope.ServiceProvider.GetRequiredService<IspPortal.Core.Network.Pools.SaveRouterPool>().ExecuteAsync(new IspPortal.Core.Network.Pools.RouterPoolInput(
                null, "Cikampek HA", null, null, PoolBalancing.LeastLoaded, true, true,
                [new(primary, PoolMemberRole.Primary, 1, 1, null), new(backup, PoolMemberRole.Backup, 2, 1, null)]));
            Assert.True(pool.Succeeded, pool.FirstError);
            poolId = pool.Value!.Id;
        }
        var input = await InputAsync("CKP", "3201010504900001");
        var result = (await RegisterAsync(input with { Service = input.Service with { RouterId = null, RouterPoolId = poolId } })).Value!;

        Assert.Equal("CKP", result.RouterCode);
        Assert.Single(portal.Simulator("KTB").Router.Secrets, s => s.Name == result.PppoeUsername && s.Password == result.PppoePassword);

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var isolated = await scope.ServiceProvider.GetRequiredService<IspPortal.Core.Network.Isolation.CustomerIsolation>()
                .IsolateAsync(result.Code, "Tunggakan", StatusChangeSource.Billing);
            Assert.True(isolated.Value!.AppliedOnRouter);
            await scope.ServiceProvider.GetRequiredService<SyncRouter>().ExecuteAsync(backup);
        }

        Assert.Equal("isolir", portal.Simulator("CKP").Router.Secrets.Single(s => s.Name == result.PppoeUsername).Profile);
        Assert.Equal("isolir", portal.Simulator("KTB").Router.Secrets.Single(s => s.Name == result.PppoeUsername).Profile);
    }

    [Fact]
    public async Task The_technician_closes_the_installation_work_order_once_the_secret_is_on_the_router()
    {
        var input = await InputAsync("CKP", "3201010506900001");
        var result = (await RegisterAsync(input with { Service = input.Service with { InstallationDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)) } })).Value!;
        var technician = input.Service.TechnicianId!.Value;
        await using var scope = portal.Services.CreateAsyncScope();
        var orders = scope.ServiceProvider.GetRequiredService<IspPortal.Core.Customers.Installations.InstallationList>();
        var complete = scope.ServiceProvider.GetRequiredService<IspPortal.Core.Customers.Installations.CompleteInstallation>();

        var mine = await orders.OpenAsync(technician);
        var someoneElse = await complete.ExecuteAsync(result.Code, Guid.NewGuid(), null);
        var done = await complete.ExecuteAsync(result.Code, technician, "ONT terpasang, -18 dBm");
        var again = await complete.ExecuteAsync(result.Code, technician, null);

        Assert.Contains(mine, o => o.Code == result.Code && o.PppoeUsername == result.PppoeUsername && o.Status == RegistrationStatus.AwaitingInstallation);
        Assert.Contains("teknisi lain", someoneElse.FirstError, StringComparison.Ordinal);
        Assert.True(done.Succeeded, done.FirstError);
        Assert.Contains("sudah selesai", again.FirstError, StringComparison.Ordinal);
        Assert.DoesNotContain(await orders.OpenAsync(technician), o => o.Code == result.Code);
        await using var db = portal.Database.CreateDbContext();
        var registration = await db.CustomerRegistrations.SingleAsync(r => r.CustomerId == result.CustomerId);
        Assert.Equal(RegistrationStatus.Completed, registration.Status);
        Assert.Contains("-18 dBm", registration.Notes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nik", "3201013201900001", "digit 7–8 = 32")]
    [InlineData("FullName", "<script>alert(1)</script>", "hanya boleh berisi huruf")]
    [InlineData("Phone", "0218765432", "seluler")]
    public async Task Bad_input_is_refused_with_the_field_and_nothing_is_saved(string field, string value, string message)
    {
        var input = await InputAsync("CKP", "3201010503900001");
        input = input with
        {
            Profile = field switch
            {
                "Nik" => input.Profile with { Nik = value },
                "FullName" => input.Profile with { FullName = value },
                _ => input.Profile with { Phone = value },
            },
        };
        await using var db = portal.Database.CreateDbContext();
        var before = (await db.Customers.CountAsync(), await db.PppoeSecrets.CountAsync(), await db.OutboxMessages.CountAsync());
        var secretsOnRouter = portal.Simulator("CKP").Router.Secrets.Count;

        var outcome = await RegisterAsync(input);

        Assert.False(outcome.Succeeded);
        Assert.Contains(message, Assert.Single(outcome.Errors[field]), StringComparison.Ordinal);
        Assert.Equal(before, (await db.Customers.CountAsync(), await db.PppoeSecrets.CountAsync(), await db.OutboxMessages.CountAsync()));
        Assert.Equal(secretsOnRouter, portal.Simulator("CKP").Router.Secrets.Count);
    }

    private async Task<Outcome<RegistrationResult>> RegisterAsync(RegistrationInput input)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegisterCustomer>().ExecuteAsync(input);
    }

    private async Task<RegistrationInput> InputAsync(string routerCode, string nik)
    {
        await using var db = portal.Database.CreateDbContext();
        var router = await db.Routers.SingleAsync(r => r.Code == routerCode);
        var package = await db.ServicePackages.SingleAsync(p => p.Code == "HOME-20");
        var technician = await db.Users.SingleAsync(u => u.UserName == "technician");
        return new RegistrationInput(
            new CustomerProfileInput("Siti Nurhaliza", nik, null, "0812-3456-7890", "siti@example.co.id", "Jl. Ahmad Yani No. 12", "Dawuan", "Cikampek", "Karawang", null, "41373",
                -6.41, 107.45, null),
            new ServiceChoice(router.LocationCodeId, router.Id, null, package.Id, null, technician.Id));
    }
}
