using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Backups;

/// <summary><c>/api/backups</c> over real HTTP: start (202), list, get, 404, and 403 without backups.write.</summary>
public sealed class BackupApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string[] RunFields = ["id", "status", "startedAt", "finishedAt", "sizeBytes", "sha256", "file", "error"];

    [Fact]
    public async Task A_started_backup_answers_202_with_its_id_and_is_listed_and_read_until_it_succeeds()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.BackupsWrite);

        using var started = await client.PostAsync("api/backups", null);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        JsonElement run = default;
        await Eventually.TrueAsync(async () =>
        {
            run = await client.GetFromJsonAsync<JsonElement>($"api/backups/{id}");
            return run.GetProperty("status").GetString() != "Running";
        }, TimeSpan.FromSeconds(60));
        Assert.Equal(RunFields, run.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Succeeded", run.GetProperty("status").GetString());
        Assert.Equal(64, run.GetProperty("sha256").GetString()!.Length);
        Assert.True(run.GetProperty("sizeBytes").GetInt64() > 0);
        Assert.True(File.Exists(Path.Combine(portal.PhotoFolder, "backups", run.GetProperty("file").GetString()!)));
        var list = await client.GetFromJsonAsync<JsonElement>("api/backups");
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task An_unknown_run_is_a_404_problem()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.BackupsWrite);

        using var response = await client.GetAsync("api/backups/987654321");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_backups_write_starting_listing_and_reading_are_forbidden()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.BillingWrite, Permissions.SettingsManage);

        using var start = await client.PostAsync("api/backups", null);
        using var list = await client.GetAsync("api/backups");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (start.StatusCode, list.StatusCode));
        Assert.DoesNotContain(Permissions.BackupsWrite, Permissions.For(Roles.Staff).Concat(Permissions.For(Roles.Finance)).Concat(Permissions.For(Roles.Manager)));
        Assert.Contains(Permissions.BackupsWrite, Permissions.For(Roles.Admin));
    }
}
