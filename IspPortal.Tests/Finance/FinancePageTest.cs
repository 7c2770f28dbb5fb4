using Bunit;
using IspPortal.Core.Identity;
using IspPortal.Core.Identity.Users;
using IspPortal.Infrastructure.Finance;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>
/// bUnit over the real finance use cases: the pages' services come from the portal's Core and
/// Infrastructure on a reset test database at a fixed time, acting as the user the test signs in.
/// </summary>
public abstract class FinancePageTest(DatabaseFixture database) : PortalComponentTest
{
    /// <summary>15 March 2026, 10:00 in Jakarta.</summary>
    protected static readonly DateTimeOffset Now = new(2026, 3, 15, 3, 0, 0, TimeSpan.Zero);

    protected static readonly DateOnly Today = new(2026, 3, 15);

    /// <summary>How long a render waits for the database (the first query of a run builds EF's model).</summary>
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private ServiceProvider? _core;

    protected DatabaseFixture Database => database;

    protected ServiceProvider Core => _core ?? throw new InvalidOperationException("StartAsync first.");

    /// <summary>Empties the database and hands the pages the portal's services; call before rendering.</summary>
    protected async Task StartAsync()
    {
        await database.ResetAsync();
        var folder = Path.Combine(Path.GetTempPath(), "ispportal-test-receipts", Guid.NewGuid().ToString("N"));
        _core = CoreServices.Build(database.ConnectionString, new ManualTimeProvider(Now), photoFolder: folder,
            settings: new Dictionary<string, string?> { [FileExpenseReceiptStore.FolderKey] = Path.Combine(folder, "receipts") });
        await CoreServices.EnsureRolesAsync(_core);
        Services.AddFallbackServiceProvider(new ScopedProvider(_core.CreateScope()));
        Services.AddSingleton(_ => new CoreLease(_core, folder));
        Services.GetRequiredService<CoreLease>();
    }

    /// <summary>A user with <paramref name="role"/>, created by the system.</summary>
    protected async Task<Actor> UserAsync(string userName, string role)
    {
        ActAs(Actor.System);
        var created = await UseAsync(sp => sp.GetRequiredService<CreateUser>()
            .ExecuteAsync(new NewUser(userName, "Pengguna " + userName, null, FinanceTestData.Password, [role])));
        Assert.True(created.Succeeded, created.FirstError);
        return Actor.For(created.Value!.Id, userName, [role]);
    }

    /// <summary>The use cases act as <paramref name="actor"/> and the pages see them signed in with <paramref name="role"/>.</summary>
    protected void SignIn(Actor actor, string role)
    {
        ActAs(actor);
        SignInAs(actor.Name, role);
    }

    protected void ActAs(Actor actor) => Core.GetRequiredService<TestActor>().Current = actor;

    protected async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Core.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    private sealed class ScopedProvider(IServiceScope scope) : IServiceProvider
    {
        public object? GetService(Type serviceType) => scope.ServiceProvider.GetService(serviceType);
    }

    /// <summary>Disposed with the bUnit context: the portal's services and the receipt folder.</summary>
    private sealed class CoreLease(ServiceProvider core, string folder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await core.DisposeAsync();
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }
}
