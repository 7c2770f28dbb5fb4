using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Platform;

/// <summary>The endpoints where a NUL reached PostgreSQL as a 500: now 400 naming the field, nothing written.</summary>
public sealed class HostileTextTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("api/customers?search=%00", "search")]
    [InlineData("api/invoices?search=%00", "search")]
    [InlineData("api/payments?search=%00", "search")]
    [InlineData("api/tickets?search=a%01b", "search")]
    [InlineData("api/packages/A%01B", "code")]
    public async Task Control_characters_in_a_query_or_route_value_answer_400_naming_the_parameter(string path, string field)
    {
        using var client = await portal.CreateApiClientAsync(AllPermissions());

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        await AssertRefusedAsync(response, field);
    }

    [Theory]
    [InlineData("api/customers", """{"fullName":"Siti Nurhaliza","nik":"3201014501900001","phone":"081234567890","address":"Jl. A\u0000","locationCode":"KCB"}""", "address")]
    [InlineData("api/tickets", """{"subject":"Internet mati\u0000","description":"x","contactPhone":"081234567890"}""", "subject")]
    [InlineData("api/packages", """{"code":"NUL-1","name":"Paket\u0000","downloadMbps":5,"uploadMbps":5,"mikrotikProfile":"p","monthlyPrice":1000}""", "name")]
    [InlineData("api/mikrotik/isolir", """{"customerCode":"KCB\u0000","reason":"x"}""", "customerCode")]
    [InlineData("api/packages", """{"code":"NL-1\nX","name":"Paket","downloadMbps":5,"uploadMbps":5,"mikrotikProfile":"p","monthlyPrice":1000}""", "code")]
    [InlineData("api/tickets", """{"subject":"Lone \ud800 surrogate","description":"x","contactPhone":"081234567890"}""", "subject")]
    public async Task Hostile_text_in_a_json_body_answers_400_naming_the_field_and_writes_nothing(string path, string json, string field)
    {
        using var client = await portal.CreateApiClientAsync(AllPermissions());
        var before = await TableSnapshot.TakeAsync(portal.Database.ConnectionString);
        using var body = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), body);

        await AssertRefusedAsync(response, field);
        Assert.Empty(TableSnapshot.Differences(before, await TableSnapshot.TakeAsync(portal.Database.ConnectionString)));
    }

    [Fact]
    public async Task Line_breaks_in_a_multi_line_field_are_not_refused_as_hostile()
    {
        using var client = await portal.CreateApiClientAsync(AllPermissions());
        using var body = new StringContent("""{"subject":"Internet mati","description":"Baris satu\r\nbaris dua\tdengan tab","contactPhone":"081234567890"}""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("api/tickets", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Sign_in_form_shows_the_field_error_in_indonesian_for_a_nul_in_the_user_name()
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };

        using var response = await PortalUsers.PostLoginAsync(client, "admin\u0001", "whatever1A");
        var answered = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, answered[..Math.Min(2000, answered.Length)]);
        Assert.Contains("Teks mengandung karakter yang tidak diizinkan.", answered, StringComparison.Ordinal);
    }

    internal static string[] AllPermissions() =>
        [.. typeof(Permissions).GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)];

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"The problem names '{field}': {errors}");
    }
}
