using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Customers.Photos;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Customers;

/// <summary>The customer API: API key, camelCase JSON, problem details; the same rules as the wizard.</summary>
public sealed class CustomerApiTests(LiveDemoPortalFactory portal) : IClassFixture<LiveDemoPortalFactory>
{
    [Fact]
    public async Task A_customer_registered_through_the_api_is_on_the_router_and_readable_by_code_and_id()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.CustomersWrite, Permissions.CustomersRead);

        using var created = await client.PostAsJsonAsync(new Uri("api/customers", UriKind.Relative), Body());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var code = body.GetProperty("code").GetString()!;
        var username = body.GetProperty("pppoeUsername").GetString()!;
        Assert.Matches(@"^KCB-CKP\d{6}-\d{3}$", code);
        Assert.Matches("^[A-Za-z0-9]{8}$", body.GetProperty("pppoePassword").GetString()!);
        Assert.True(body.GetProperty("provisioned").GetBoolean());
        Assert.Equal($"/api/customers/{code}", created.Headers.Location?.OriginalString);
        Assert.Contains(portal.Simulator("CKP").Router.Secrets, s => s.Name == username);

        var byCode = await client.GetFromJsonAsync<JsonElement>(new Uri($"api/customers/{code}", UriKind.Relative));
        var byId = await client.GetFromJsonAsync<JsonElement>(new Uri($"api/customers/{body.GetProperty("id").GetInt32()}", UriKind.Relative));
        Assert.Equal((code, "+6281234567890", username), (byCode.GetProperty("code").GetString(), byCode.GetProperty("phone").GetString(), byCode.GetProperty("pppoeUsername").GetString()));
        Assert.Equal(code, byId.GetProperty("code").GetString());
        Assert.False(byCode.TryGetProperty("pppoePassword", out _));
        Assert.Equal("3201••••••••••01", byCode.GetProperty("nikMasked").GetString());
        var search = await client.GetFromJsonAsync<JsonElement>(new Uri("api/customers?search=3201014501900001", UriKind.Relative));
        Assert.Equal(code, search.GetProperty("items")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_page_number_far_beyond_the_list_answers_an_empty_page_not_an_error()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.CustomersRead);

        using var response = await client.GetAsync(new Uri($"api/customers?page={int.MaxValue}&pageSize=500", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
        Assert.True(body.GetProperty("total").GetInt32() > 0);
    }

    [Theory]
    [InlineData("nik", "3201019901900001", "digit 7–8 = 99")]
    [InlineData("fullName", "<img src=x onerror=alert(1)>", "hanya boleh berisi huruf")]
    [InlineData("packageCode", "NOPE", "Kode paket 'NOPE' tidak dikenal.")]
    [InlineData("routerCode", "ZZZ", "Kode router 'ZZZ' tidak dikenal.")]
    public async Task Bad_input_gets_a_problem_naming_the_field_and_saves_nothing(string field, string value, string message)
    {
        using var client = await portal.CreateApiClientAsync(Permissions.CustomersWrite);
        var body = Body();
        body[field] = value;
        var before = await CountsAsync();

        using var response = await client.PostAsJsonAsync(new Uri("api/customers", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_oversize_or_fake_photo_is_refused_and_a_real_one_can_be_attached()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.CustomersWrite);

        using var oversize = await UploadAsync(client, new byte[ICustomerPhotoStore.MaxBytes + 10], "big.jpg");
        using var fake = await UploadAsync(client, "<?php echo 1; ?>"u8.ToArray(), "shell.jpg");

        Assert.Equal(HttpStatusCode.BadRequest, oversize.StatusCode);
        Assert.Contains("terlalu besar", (await oversize.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Empty(Directory.Exists(portal.PhotoFolder) ? Directory.GetFiles(portal.PhotoFolder) : []);

        using var image = new ImageMagick.MagickImage(ImageMagick.MagickColors.Green, 8, 8) { Format = ImageMagick.MagickFormat.Png };
        using var real = await UploadAsync(client, image.ToByteArray(), "rumah.png");
        var name = (await real.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString()!;
        var body = Body("3201010507900001");
        body["housePhoto"] = name;
        using var created = await client.PostAsJsonAsync(new Uri("api/customers", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using var db = portal.Database.CreateDbContext();
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        Assert.Equal(name, (await db.Customers.SingleAsync(c => c.Code == code)).HousePhotoPath);
    }

    [Fact]
    public async Task Reading_needs_the_permission_and_an_unknown_customer_is_404()
    {
        using var noRights = await portal.CreateApiClientAsync(Permissions.NetworkRead);
        using var reader = await portal.CreateApiClientAsync(Permissions.CustomersRead);

        using var forbidden = await noRights.GetAsync(new Uri("api/customers", UriKind.Relative));
        using var writeForbidden = await reader.PostAsJsonAsync(new Uri("api/customers", UriKind.Relative), Body("3201010508900001"));
        using var missing = await reader.GetAsync(new Uri("api/customers/NOPE-123", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, writeForbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_isolated_customer_is_activated_by_code()
    {
        string code;
        await using (var db = portal.Database.CreateDbContext())
            code = await db.Customers.Where(c => c.Status == IspPortal.Core.Customers.CustomerStatus.Isolated && c.Router!.Code == "KRW").Select(c => c.Code).FirstAsync();
        using var client = await portal.CreateApiClientAsync(Permissions.NetworkOperate);

        using var response = await client.PostAsJsonAsync(new Uri($"api/customers/{code}/activate", UriKind.Relative), new { reason = "Lunas" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Active", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await using var after = portal.Database.CreateDbContext();
        Assert.Equal(IspPortal.Core.Customers.CustomerStatus.Active, (await after.Customers.SingleAsync(c => c.Code == code)).Status);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_registration_body_with_examples()
    {
        using var client = portal.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("api/docs/v1.json", UriKind.Relative));

        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("CreateCustomerRequest").GetProperty("properties");
        Assert.Equal("3201014501900001", schema.GetProperty("nik").GetProperty("default").GetString());
        Assert.Contains("NIK", schema.GetProperty("nik").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("HOME-20", schema.GetProperty("packageCode").GetProperty("default").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/customers/{id}/activate", out _));
    }

    private static Dictionary<string, object?> Body(string nik = "3201014501900001") => new()
    {
        ["fullName"] = "Siti Nurhaliza",
        ["nik"] = nik,
        ["phone"] = "0812-3456-7890",
        ["address"] = "Jl. Ahmad Yani No. 12",
        ["latitude"] = -6.41,
        ["longitude"] = 107.45,
        ["locationCode"] = "KCB",
        ["routerCode"] = "CKP",
        ["packageCode"] = "HOME-20",
    };


    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        return await client.PostAsync(new Uri("api/customers/photos", UriKind.Relative), form);
    }

    private async Task<(int, int, int)> CountsAsync()
    {
        await using var db = portal.Database.CreateDbContext();
        return (await db.Customers.CountAsync(), await db.PppoeSecrets.CountAsync(), await db.OutboxMessages.CountAsync());
    }
}
