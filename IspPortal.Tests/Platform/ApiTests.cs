using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Platform;

public sealed class ApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Api_without_a_key_answers_401_problem_details()
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri("api/packages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Api_with_an_unknown_key_answers_401()
    {
        using var client = ClientWithKey("isp_" + new string('x', 48));

        using var response = await client.GetAsync(new Uri("api/packages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Key_without_the_permission_answers_403()
    {
        using var client = ClientWithKey(await portal.IssueApiKeyAsync(Permissions.TicketsRead));

        using var response = await client.GetAsync(new Uri("api/packages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Created_package_is_listed_with_its_code()
    {
        using var client = ClientWithKey(await portal.IssueApiKeyAsync(Permissions.ReferenceDataRead, Permissions.ReferenceDataWrite));

        using var created = await client.PostAsJsonAsync(new Uri("api/packages", UriKind.Relative), new
        {
            code = "api-25", name = "API 25 Mbps", downloadMbps = 25, uploadMbps = 10, mikrotikProfile = "paket-25M", monthlyPrice = 225000m,
        });
        var packages = await client.GetFromJsonAsync<JsonElement>(new Uri("api/packages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var listed = packages.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "API-25");
        Assert.Equal(225000m, listed.GetProperty("monthlyPrice").GetDecimal());
    }

    [Fact]
    public async Task Bad_package_answers_a_validation_problem_naming_each_field_and_creates_nothing()
    {
        using var client = ClientWithKey(await portal.IssueApiKeyAsync(Permissions.ReferenceDataRead, Permissions.ReferenceDataWrite));

        using var response = await client.PostAsJsonAsync(new Uri("api/packages", UriKind.Relative), new
        {
            code = "x", name = "", downloadMbps = 0, uploadMbps = 10, mikrotikProfile = "p", monthlyPrice = -1m,
        });
        var packages = await client.GetFromJsonAsync<JsonElement>(new Uri("api/packages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _));
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("downloadMbps", out _));
        Assert.True(errors.TryGetProperty("monthlyPrice", out _));
        Assert.DoesNotContain(packages.EnumerateArray(), p => p.GetProperty("code").GetString() == "X");
    }

    [Fact]
    public async Task Duplicate_package_code_is_refused_by_the_constraint_with_a_field_message()
    {
        using var client = ClientWithKey(await portal.IssueApiKeyAsync(Permissions.ReferenceDataWrite));
        var package = new { code = "DUP-1", name = "Dup", downloadMbps = 5, uploadMbps = 5, mikrotikProfile = "dup", monthlyPrice = 1000m };

        using var first = await client.PostAsJsonAsync(new Uri("api/packages", UriKind.Relative), package);
        using var second = await client.PostAsJsonAsync(new Uri("api/packages", UriKind.Relative), package);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var errors = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("sudah dipakai", errors.GetProperty("code")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_answers_400_problem_details()
    {
        using var client = ClientWithKey(await portal.IssueApiKeyAsync(Permissions.ReferenceDataWrite));
        using var body = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("api/packages", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_package_code_answers_404_problem_details()
    {
        using var client = ClientWithKey(await portal.IssueApiKeyAsync(Permissions.ReferenceDataRead));

        using var response = await client.GetAsync(new Uri("api/packages/NOPE", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Revoked_key_stops_working()
    {
        var key = await portal.IssueApiKeyAsync(Permissions.ReferenceDataRead);
        using var client = ClientWithKey(key);
        using var before = await client.GetAsync(new Uri("api/packages", UriKind.Relative));
        await using (var db = portal.Database.CreateDbContext())
        {
            var prefix = global::IspPortal.Core.Identity.ApiKeys.ApiKeySecret.PrefixOf(key);
            var row = db.ApiKeys.Single(k => k.Prefix == prefix);
            row.RevokedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        using var after = await client.GetAsync(new Uri("api/packages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri("health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_document_and_ui_are_served_at_api_docs()
    {
        using var client = portal.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("api/docs/v1.json", UriKind.Relative));
        using var ui = await client.GetAsync(new Uri("api/docs", UriKind.Relative));

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/packages", out _));
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Equal("text/html", ui.Content.Headers.ContentType?.MediaType);
        // The UI must work on a network without internet: its script comes from the portal itself.
        var scripts = System.Text.RegularExpressions.Regex.Matches(await ui.Content.ReadAsStringAsync(), "<script[^>]*\\ssrc=\"([^\"]+)\"")
            .Select(m => new Uri(ui.RequestMessage!.RequestUri!, m.Groups[1].Value)).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.Equal(portal.BaseAddress.Authority, script.Authority);
            using var loaded = await client.GetAsync(script);
            Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        }
    }

    private HttpClient ClientWithKey(string key)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
