using IspPortal.Core.Common;
using IspPortal.Core.Customers.LocationCodes;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Routers;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Network;

public sealed class RouterManagementTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task New_router_stores_its_password_encrypted_and_never_in_the_audit_log()
    {
        var location = await LocationAsync("RTA");

        var saved = await SaveAsync(Input(location, "mlgt", password: "Rahasia#Router1"));

        Assert.True(saved.Succeeded, saved.FirstError);
        Assert.Equal("MLGT", saved.Value!.Code);
        await using var db = portal.Database.CreateDbContext();
        var stored = await db.Routers.SingleAsync(r => r.Code == "MLGT");
        Assert.DoesNotContain("Rahasia#Router1", stored.PasswordEncrypted, StringComparison.Ordinal);
        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.Equal("Rahasia#Router1", scope.ServiceProvider.GetRequiredService<ISecretProtector>().Unprotect(SecretKind.RouterPassword, stored.PasswordEncrypted));
        var audit = await db.AuditLogs.Where(a => a.Entity == "routers" && a.EntityKey == stored.Id.ToString()).ToListAsync();
        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.DoesNotContain(stored.PasswordEncrypted, a.Changes, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Editing_without_a_password_keeps_the_stored_one()
    {
        var location = await LocationAsync("RTB");
        var created = await SaveAsync(Input(location, "KEEP", password: "Awal#Sandi1"));
        await using var before = portal.Database.CreateDbContext();
        var encrypted = (await before.Routers.SingleAsync(r => r.Code == "KEEP")).PasswordEncrypted;

        var edited = await SaveAsync(Input(location, "KEEP", password: null, id: created.Value!.Id) with { Name = "Diganti" });

        Assert.True(edited.Succeeded, edited.FirstError);
        await using var after = portal.Database.CreateDbContext();
        var router = await after.Routers.SingleAsync(r => r.Code == "KEEP");
        Assert.Equal("Diganti", router.Name);
        Assert.Equal(encrypted, router.PasswordEncrypted);
    }

    [Fact]
    public async Task Bad_router_input_is_refused_field_by_field_and_saves_nothing()
    {
        var location = await LocationAsync("RTC");
        await using var db = portal.Database.CreateDbContext();
        var before = await db.Routers.CountAsync();

        var refused = await SaveAsync(new RouterInput(null, "C1", "", location, null, "bukan host!", 70000, true, "abc", "", null,
            IsolationMethod.Profile, null, null, null));

        Assert.False(refused.Succeeded);
        Assert.Equal(["ApiPort", "ApiUser", "Code", "Host", "IsolationProfile", "Name", "Password", "TlsFingerprint"],
            refused.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, await db.Routers.CountAsync());
    }

    [Fact]
    public async Task Duplicate_router_code_is_refused_by_the_constraint()
    {
        var location = await LocationAsync("RTD");
        Assert.True((await SaveAsync(Input(location, "DUPL", "a#Sandi123"))).Succeeded);

        var second = await SaveAsync(Input(location, "dupl", "a#Sandi123"));

        Assert.Equal("Kode router DUPL sudah dipakai.", second.Errors["Code"][0]);
    }

    [Fact]
    public async Task Tls_fingerprint_is_stored_as_plain_upper_case_hex()
    {
        var location = await LocationAsync("RTE");
        var colons = string.Join(":", Enumerable.Repeat("ab", 32));

        var saved = await SaveAsync(Input(location, "TLSX", "a#Sandi123") with { UseTls = true, ApiPort = 8729, TlsFingerprint = colons });

        Assert.True(saved.Succeeded, saved.FirstError);
        Assert.Equal(string.Concat(Enumerable.Repeat("AB", 32)), saved.Value!.TlsFingerprint);
    }

    [Fact]
    public async Task A_router_is_placed_on_the_map_with_both_coordinates_or_none()
    {
        var location = await LocationAsync("RMP");

        var half = await SaveAsync(Input(location, "HALF", "a#Sandi123") with { Latitude = -6.4 });
        var placed = await SaveAsync(Input(location, "PIN", "a#Sandi123") with { Latitude = -6.41, Longitude = 107.45 });

        Assert.Contains("lintang dan bujur sekaligus", half.Errors["Latitude"][0], StringComparison.Ordinal);
        Assert.True(placed.Succeeded, placed.FirstError);
        await using var scope = portal.Services.CreateAsyncScope();
        var edit = await scope.ServiceProvider.GetRequiredService<RouterList>().ForEditAsync(placed.Value!.Id);
        Assert.Equal((-6.41, 107.45), (edit!.Latitude, edit.Longitude));
    }

    [Fact]
    public async Task The_uplink_capacity_is_1_to_400000_mbps_or_empty_and_is_saved()
    {
        var location = await LocationAsync("RUC");

        var zero = await SaveAsync(Input(location, "CAPZ", "a#Sandi123") with { UplinkCapacityMbps = 0 });
        var huge = await SaveAsync(Input(location, "CAPH", "a#Sandi123") with { UplinkCapacityMbps = 400_001 });
        var saved = await SaveAsync(Input(location, "CAPS", "a#Sandi123") with { UplinkCapacityMbps = 1000 });

        Assert.Contains("Kapasitas uplink", zero.Errors["UplinkCapacityMbps"][0], StringComparison.Ordinal);
        Assert.False(huge.Succeeded);
        Assert.True(saved.Succeeded, saved.FirstError);
        await using var scope = portal.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<RouterList>();
        Assert.Equal(1000, (await list.ForEditAsync(saved.Value!.Id))!.UplinkCapacityMbps);
        var cleared = await SaveAsync(Input(location, "CAPS", null, saved.Value!.Id));
        Assert.True(cleared.Succeeded, cleared.FirstError);
        Assert.Null((await list.ForEditAsync(saved.Value!.Id))!.UplinkCapacityMbps);
    }

    private static RouterInput Input(int location, string code, string? password, int? id = null) =>
        new(id, code, $"Router {code}", location, "Menara", "192.0.2.10", 8728, false, null, "admin", password, IsolationMethod.Profile, "isolir", null, null);

    private async Task<int> LocationAsync(string code)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveLocationCode>().ExecuteAsync(new LocationCodeInput(null, code, $"Area {code}", null, null));
        Assert.True(saved.Succeeded, saved.FirstError);
        return saved.Value!.Id;
    }

    private async Task<Outcome<Router>> SaveAsync(RouterInput input)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SaveRouter>().ExecuteAsync(input);
    }
}
