using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Notifications;

/// <summary>The notification settings form hands typed secrets to Core, which stores them only encrypted.</summary>
public sealed class SaveNotificationSettingsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Typed_secrets_are_stored_encrypted_and_read_back_as_typed_without_the_spaces()
    {
        var saved = await SaveAsync(new NotificationSecrets(CloudApiAccessToken: " EAAG-token ", SmtpPassword: "sandi-smtp"));

        var protector = _services.GetRequiredService<ISecretProtector>();
        Assert.NotEqual("EAAG-token", saved.CloudApiAccessTokenEncrypted);
        Assert.Equal("EAAG-token", protector.Unprotect(SecretKind.NotificationCredential, saved.CloudApiAccessTokenEncrypted!));
        Assert.Equal("sandi-smtp", protector.Unprotect(SecretKind.NotificationCredential, saved.SmtpPasswordEncrypted!));
        Assert.Null(saved.GatewayTokenEncrypted);
    }

    [Fact]
    public async Task Blank_secrets_keep_the_stored_ones()
    {
        var first = await SaveAsync(new NotificationSecrets(CloudApiAppSecret: "rahasia-aplikasi", GatewayToken: "token-gateway"));

        var second = await SaveAsync(new NotificationSecrets(CloudApiAppSecret: "  ", GatewayToken: null), first with { MaxAttempts = 7 });

        Assert.Equal(7, second.MaxAttempts);
        Assert.Equal(first.CloudApiAppSecretEncrypted, second.CloudApiAppSecretEncrypted);
        Assert.Equal(first.GatewayTokenEncrypted, second.GatewayTokenEncrypted);
        var stored = await _services.UseAsync<PortalSettings, NotificationSettings>(s => s.GetAsync<NotificationSettings>());
        Assert.Equal(first.CloudApiAppSecretEncrypted, stored.CloudApiAppSecretEncrypted);
    }

    private async Task<NotificationSettings> SaveAsync(NotificationSecrets secrets, NotificationSettings? changes = null)
    {
        changes ??= await _services.UseAsync<PortalSettings, NotificationSettings>(s => s.GetAsync<NotificationSettings>());
        var outcome = await _services.UseAsync<SaveNotificationSettings, Outcome<NotificationSettings>>(save => save.ExecuteAsync(changes, secrets, Actor.System));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }
}
