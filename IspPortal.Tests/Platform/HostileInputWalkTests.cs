using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Platform;

/// <summary>
/// Walks every operation of the published OpenAPI document (so a new endpoint is covered without
/// editing this test) and sends hostile values for each JSON body field, query and route parameter:
/// no answer is a 5xx, every refusal is a problem document, and no table changed.
/// </summary>
public sealed class HostileInputWalkTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private const string Marker = "\"__hostile__\"";

    /// <summary>Raw JSON values: text the rule refuses, wrong types, numbers beyond range, deep nesting.</summary>
    private static readonly string[] HostileJson =
    [
        "\"x\\u0000\"", "\"\\ud800\"", "\"a\\u0007b\"", "\"" + new string('a', 100_000) + "\"", "\"abc\"", "{}",
        "1e400", "9223372036854775808", "-79228162514264337593543950336", new string('[', 10_000) + new string(']', 10_000),
    ];

    /// <summary>Query and route values (URL-encoded); a whole request line stays below Kestrel's 8 KB limit.</summary>
    private static readonly string[] HostileParameters =
        ["%00", "a%01b", "%ED%A0%80", "%F0%9F", new string('a', 6_000), "-1", "-5", "abc", "1e400", "9223372036854775808", "2026-13-45"];

    private static readonly string[] MalformedBodies = ["{\"a\":", "not json", "{\"a\":1}}", "\"\\ud800\"", new string('[', 10_000)];

    [Fact]
    public async Task No_operation_answers_5xx_to_hostile_input_every_refusal_is_a_problem_and_nothing_is_written()
    {
        var keys = new List<string>();
        for (var i = 0; i < 12; i++)
            keys.Add(await portal.IssueApiKeyAsync(HostileTextTests.AllPermissions()));
        using var anonymous = portal.CreateClient();
        var document = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("api/docs/v1.json", UriKind.Relative));
        var requests = Requests(document).ToList();
        var failures = new ConcurrentBag<string>();
        var written = new List<string>();
        var clients = keys.Select(key =>
        {
            var client = portal.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            return client;
        }).ToList();
        var sent = 0;
        foreach (var operation in requests.GroupBy(r => r.Operation))
        {
            var before = await TableSnapshot.TakeAsync(portal.Database.ConnectionString);
            await Parallel.ForEachAsync(operation, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (request, cancellationToken) =>
            {
                var index = Interlocked.Increment(ref sent);
                using var message = new HttpRequestMessage(request.Method, new Uri(request.Path, UriKind.Relative));
                if (request.Body is not null)
                    message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
                message.Headers.Add("Idempotency-Key", "hostile-" + index);
                using var response = await clients[index % clients.Count].SendAsync(message, cancellationToken);
                var status = (int)response.StatusCode;
                var label = $"{request.Method} {Shorten(request.Path)} [{request.What}] {(request.Body is null ? "" : Shorten(request.Body))} → {status}";
                // Kestrel itself refuses a NUL in the path, before the portal sees the request: a bare 400.
                if (request.What.StartsWith("route", StringComparison.Ordinal) && request.Path.Contains("%00", StringComparison.Ordinal) && status == 400)
                    return;
                if (status >= 500)
                    failures.Add(label + " " + Shorten(await response.Content.ReadAsStringAsync(cancellationToken)));
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add(label + " without a problem document (" + response.Content.Headers.ContentType + ")");
            });
            var changed = TableSnapshot.Differences(before, await TableSnapshot.TakeAsync(portal.Database.ConnectionString));
            if (changed.Count > 0)
                written.Add($"{operation.Key}: {string.Join(", ", changed)}");
        }
        foreach (var client in clients)
            client.Dispose();

        Assert.True(requests.Count > 500, $"Only {requests.Count} requests: the walk of the document is broken");
        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers:\n" + string.Join("\n", failures.Order().Take(60)));
        Assert.True(written.Count == 0, "Tables written by hostile requests:\n" + string.Join("\n", written));
    }

    private sealed record HostileRequest(HttpMethod Method, string Path, string? Body, string What, string Operation);

    private static IEnumerable<HostileRequest> Requests(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var id = $"{method} {path.Name}";
                var parameters = operation.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                var routeNames = parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!).ToList();
                var queryNames = parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList();
                var schema = JsonBodySchema(document, operation.Value);
                var baseBody = schema is { } bodySchema ? BaseBody(document, bodySchema) : null;
                string Route(string? hostileName, string? hostile) =>
                    routeNames.Aggregate(path.Name, (p, name) => p.Replace("{" + name + "}", name == hostileName ? hostile : "1", StringComparison.Ordinal)).TrimStart('/');
                var plainBody = baseBody?.ToJsonString();

                foreach (var name in routeNames)
                    foreach (var value in HostileParameters)
                        yield return new(method, Route(name, value), plainBody, "route " + name, id);
                foreach (var name in queryNames)
                    foreach (var value in HostileParameters)
                        yield return new(method, $"{Route(null, null)}?{name}={value}", plainBody, "query " + name, id);
                if (baseBody is null)
                    continue;
                foreach (var field in baseBody.Select(p => p.Key).ToList())
                {
                    var copy = baseBody.DeepClone().AsObject();
                    copy[field] = "__hostile__";
                    var template = copy.ToJsonString();
                    var isText = baseBody[field]?.GetValueKind() == JsonValueKind.String;
                    // Text where text belongs is no wrong type: "abc" is hostile only for a number, a flag or a list.
                    foreach (var value in HostileJson.Where(v => !(isText && v == "\"abc\"")))
                        yield return new(method, Route(null, null), template.Replace(Marker, value, StringComparison.Ordinal), "body " + field, id);
                }
                foreach (var malformed in MalformedBodies)
                    yield return new(method, Route(null, null), malformed, "malformed body", id);
            }
        }
    }

    private static JsonElement? JsonBodySchema(JsonElement document, JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
            && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema)
            ? Resolve(document, schema)
            : null;

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            var target = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
                target = target.GetProperty(part);
            schema = target;
        }
        return schema;
    }

    /// <summary>A body the endpoint would take: each property's documented default, else a plausible value of its type.</summary>
    private static JsonObject BaseBody(JsonElement document, JsonElement schema)
    {
        var body = new JsonObject();
        if (!schema.TryGetProperty("properties", out var properties))
            return body;
        foreach (var property in properties.EnumerateObject())
        {
            var resolved = Resolve(document, property.Value);
            body[property.Name] = resolved.TryGetProperty("default", out var example) ? JsonNode.Parse(example.GetRawText()) : Plausible(resolved);
        }
        return body;
    }

    private static JsonNode? Plausible(JsonElement schema)
    {
        var types = !schema.TryGetProperty("type", out var type) ? [] : type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return types.FirstOrDefault(t => t != "null") switch
        {
            "integer" => 1,
            "number" => 1,
            "boolean" => false,
            "array" => new JsonArray(),
            "object" => new JsonObject(),
            "string" when format == "date" => "2026-01-15",
            "string" when format == "date-time" => "2026-01-15T08:00:00+07:00",
            "string" => "HOSTILE-TEST",
            _ => null,
        };
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
