using IspPortal.Core.Identity;
using IspPortal.Core.Identity.Users;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Support;

/// <summary>The user-administration use cases over a reset database with the six roles, and users made as the system.</summary>
public abstract class UserUseCaseTest(DatabaseFixture database) : IAsyncLifetime
{
    public const string Password = "Rahasia#2025";

    protected DatabaseFixture Database { get; } = database;

    protected ServiceProvider Services { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await Database.ResetAsync();
        Services = CoreServices.Build(Database.ConnectionString);
        await CoreServices.EnsureRolesAsync(Services);
    }

    public async Task DisposeAsync() => await Services.DisposeAsync();

    /// <summary>Runs <paramref name="use"/> in a fresh scope, as one request would.</summary>
    protected async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    /// <summary>A user made by the system (whoever the test acts as stays so) and asserted made.</summary>
    protected async Task<PortalUser> CreateAsync(string userName, params string[] roles)
    {
        var actor = Services.GetRequiredService<TestActor>();
        var acting = actor.Current;
        actor.Current = Actor.System;
        try
        {
            var outcome = await UseAsync(sp => sp.GetRequiredService<CreateUser>()
                .ExecuteAsync(new NewUser(userName, "Pengguna " + userName, null, Password, roles)));
            Assert.True(outcome.Succeeded, outcome.FirstError);
            return outcome.Value!;
        }
        finally
        {
            actor.Current = acting;
        }
    }

    protected void ActAs(Actor actor) => Services.GetRequiredService<TestActor>().Current = actor;
}
