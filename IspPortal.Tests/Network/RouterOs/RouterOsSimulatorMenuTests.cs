using IspPortal.Infrastructure.Network.RouterOs;
using IspPortal.Infrastructure.StandIns.RouterOs;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Network.RouterOs;

/// <summary>
/// Every property of every menu the simulator serves, walked through add/set/unset/print/remove and
/// compared with what ROUTEROS.md §5 documents: the default a full print shows (or its absence), the
/// read-only ones refused on set, the mandatory ones unset cannot clear, and the traps for unknown names.
/// </summary>
public sealed class RouterOsSimulatorMenuTests
{
    private const string W = "writable", R = "read-only", M = "mandatory";

    // path, property, default a full print shows (null: left out until set; "*": shown, value varies), access. Written from ROUTEROS.md, not from the simulator's table.
    private static readonly (string Path, string Property, string? Default, string Access)[] Documented =
    [
        .. Menu("/ppp/secret", ("name", null, M), ("password", "", W), ("service", "any", W), ("profile", "default", W), ("caller-id", "", W),
            ("local-address", null, W), ("remote-address", null, W), ("routes", "", W), ("ipv6-routes", "", W), ("remote-ipv6-prefix", null, W),
            ("limit-bytes-in", "0", W), ("limit-bytes-out", "0", W), ("comment", null, W), ("disabled", "false", W),
            ("last-logged-out", null, R), ("last-caller-id", null, R), ("last-disconnect-reason", null, R)),
        .. Menu("/ppp/active", ("name", "*", R), ("service", "pppoe", R), ("caller-id", "*", R), ("address", "*", R), ("uptime", "*", R),
            ("encoding", "", R), ("session-id", "*", R), ("limit-bytes-in", "0", R), ("limit-bytes-out", "0", R), ("radius", "false", R)),
        .. Menu("/ppp/profile", ("name", null, M), ("local-address", null, W), ("remote-address", null, W), ("rate-limit", null, W),
            ("address-list", "", W), ("dns-server", null, W), ("only-one", "default", W), ("session-timeout", null, W), ("idle-timeout", null, W),
            ("change-tcp-mss", "default", W), ("use-encryption", "default", W), ("use-compression", "default", W), ("use-mpls", "default", W),
            ("use-ipv6", "yes", W), ("incoming-filter", null, W), ("outgoing-filter", null, W), ("parent-queue", null, W), ("queue-type", null, W),
            ("insert-queue-before", null, W), ("interface-list", null, W), ("bridge", null, W), ("on-up", "", W), ("on-down", "", W),
            ("comment", null, W), ("default", "false", R)),
        .. Menu("/ip/firewall/address-list", ("list", null, M), ("address", null, M), ("timeout", null, W), ("comment", null, W),
            ("disabled", "false", W), ("dynamic", "false", R), ("creation-time", "*", R)),
        .. Menu("/interface", ("name", "ether1", M), ("mtu", "1500", W), ("comment", null, W), ("disabled", "false", W), ("type", "ether", R),
            ("running", "true", R), ("dynamic", "false", R), ("rx-byte", "0", R), ("tx-byte", "0", R), ("rx-packet", "0", R), ("tx-packet", "0", R),
            ("rx-drop", "0", R), ("tx-drop", "0", R), ("tx-queue-drop", "0", R), ("rx-error", "0", R), ("tx-error", "0", R), ("fp-rx-byte", "0", R),
            ("fp-tx-byte", "0", R), ("fp-rx-packet", "0", R), ("fp-tx-packet", "0", R), ("link-downs", "0", R), ("last-link-up-time", "*", R)),
        .. Menu("/ip/pool", ("name", null, M), ("ranges", null, M), ("next-pool", "none", W), ("comment", null, W)),
        .. Menu("/system/resource", ("uptime", "*", R), ("version", "*", R), ("build-time", "*", R), ("free-memory", "*", R),
            ("total-memory", "*", R), ("cpu", "*", R), ("cpu-count", "*", R), ("cpu-frequency", "*", R), ("cpu-load", "*", R),
            ("free-hdd-space", "*", R), ("total-hdd-space", "*", R), ("write-sect-since-reboot", "*", R), ("write-sect-total", "*", R),
            ("architecture-name", "*", R), ("board-name", "*", R), ("platform", "MikroTik", R)),
        .. Menu("/system/identity", ("name", "MikroTik", W)),
    ];

    // Values that must name something that exists, or be unique, to be accepted.
    private static readonly Dictionary<string, string> Samples = new()
    {
        ["profile"] = "10M", ["disabled"] = "yes", ["limit-bytes-in"] = "1048576", ["limit-bytes-out"] = "2097152", ["mtu"] = "1400",
    };

    public static TheoryData<string, string, string?, string> Properties()
    {
        var data = new TheoryData<string, string, string?, string>();
        foreach (var (path, property, fallback, access) in Documented)
            data.Add(path, property, fallback, access);
        return data;
    }

    [Theory]
    [MemberData(nameof(Properties))]
    public void Each_property_prints_sets_unsets_and_traps_as_documented(string path, string property, string? documentedDefault, string access)
    {
        using var router = NewRouter();
        var target = Target(router, path);
        var targetWords = target is null ? Array.Empty<string>() : ["=.id=" + target];

        var shown = Row(router, path, target);
        if (documentedDefault == "*" || access == M)
            Assert.True(shown.ContainsKey(property), $"{path} print should show {property}");
        else
            Assert.Equal(documentedDefault, shown.GetValueOrDefault(property));

        var sample = Samples.GetValueOrDefault(property, "t-" + property);
        var set = router.Execute(new ApiSentence([path + "/set", .. targetWords, "=" + property + "=" + sample]));
        var unset = router.Execute(new ApiSentence([path + "/unset", .. targetWords, "=value-name=" + property]));
        var afterUnset = Row(router, path, target);

        switch (access)
        {
            case W:
                Assert.Null(set.Trap);
                Assert.Null(unset.Trap);
                Assert.Equal(documentedDefault, afterUnset.GetValueOrDefault(property));
                var setAgain = router.Execute(new ApiSentence([path + "/set", .. targetWords, "=" + property + "=" + sample]));
                Assert.Null(setAgain.Trap);
                Assert.Equal(sample == "yes" ? "true" : sample, Row(router, path, target)[property]);
                break;
            case R:
                Assert.Equal(Answers(path, "set") ? "unknown parameter " + property : "no such command", set.Trap);
                Assert.Equal(Answers(path, "set") ? "input does not match any value of value-name" : "no such command", unset.Trap);
                break;
            case M:
                Assert.Null(set.Trap);
                Assert.Equal("input does not match any value of value-name", unset.Trap);
                Assert.Equal(sample, afterUnset[property]);
                break;
        }
    }

    [Theory]
    [InlineData("/ppp/secret", "=name=T-NEW")]
    [InlineData("/ppp/profile", "=name=T-NEW")]
    [InlineData("/ip/firewall/address-list", "=list=t", "=address=10.0.0.9")]
    [InlineData("/ip/pool", "=name=T-NEW", "=ranges=10.0.9.2-10.0.9.9")]
    public void Add_refuses_unknown_and_read_only_properties_then_adds_prints_and_removes(string path, params string[] mandatory)
    {
        using var router = NewRouter();
        var readOnly = Documented.FirstOrDefault(d => d.Path == path && d.Access == R).Property;

        var unknown = router.Execute(new ApiSentence([path + "/add", .. mandatory, "=colour=blue"]));
        var refused = readOnly is null ? null : router.Execute(new ApiSentence([path + "/add", .. mandatory, "=" + readOnly + "=x"]));
        var missing = router.Execute(ApiSentence.Of(path + "/add", "=comment=x"));
        var added = router.Execute(new ApiSentence([path + "/add", .. mandatory]));
        var duplicate = router.Execute(new ApiSentence([path + "/add", .. mandatory]));
        var printed = router.Execute(ApiSentence.Of(path + "/print", "?=.id=" + added.Ret));
        var removed = router.Execute(ApiSentence.Of(path + "/remove", "=.id=" + added.Ret));
        var again = router.Execute(ApiSentence.Of(path + "/remove", "=.id=" + added.Ret));

        Assert.Equal("unknown parameter colour", unknown.Trap);
        Assert.Equal(readOnly is null ? null : "unknown parameter " + readOnly, refused?.Trap);
        Assert.StartsWith("missing value(s) of argument(s) ", missing.Trap, StringComparison.Ordinal);
        Assert.StartsWith("*", added.Ret, StringComparison.Ordinal);
        Assert.StartsWith("failure: ", duplicate.Trap, StringComparison.Ordinal);
        Assert.Single(printed.Rows);
        Assert.Null(removed.Trap);
        Assert.Equal("no such item", again.Trap);
        Assert.Empty(router.Execute(ApiSentence.Of(path + "/print", "?=.id=" + added.Ret)).Rows);
    }

    [Theory]
    [InlineData("/ppp/secret/set", "=colour=blue", "unknown parameter colour")]
    [InlineData("/ppp/secret/unset", "=value-name=colour", "input does not match any value of value-name")]
    [InlineData("/ppp/secret/unset", "=value-name=name", "input does not match any value of value-name")]
    [InlineData("/ppp/secret/unset", "=comment=x", "unknown parameter comment")]
    [InlineData("/ppp/secret/set", "=disabled=maybe", "invalid value for argument disabled")]
    [InlineData("/ppp/secret/set", "=limit-bytes-in=lots", "invalid value for argument limit-bytes-in")]
    [InlineData("/ppp/secret/frobnicate", "=comment=x", "no such command")]
    [InlineData("/ppp/active/set", "=comment=x", "no such command")]
    [InlineData("/ppp/active/add", "=name=x", "no such command")]
    [InlineData("/interface/remove", "", "no such command")]
    public void Unknown_names_and_bad_values_trap_like_a_real_router(string command, string word, string trap)
    {
        using var router = NewRouter();
        var id = router.Secrets[0].Id;

        var reply = router.Execute(new ApiSentence([command, "=.id=" + id, .. word.Length > 0 ? new[] { word } : []]));

        Assert.Equal(trap, reply.Trap);
    }

    [Fact]
    public void Unset_takes_numbers_and_a_list_of_value_names_for_several_items()
    {
        using var router = NewRouter();
        var ids = router.Secrets.Select(s => s.Id).ToList();
        Assert.Null(router.Execute(ApiSentence.Of("/ppp/secret/set", "=numbers=" + string.Join(',', ids), "=remote-address=10.0.0.5", "=comment=c")).Trap);

        var reply = router.Execute(ApiSentence.Of("/ppp/secret/unset", "=numbers=" + string.Join(',', ids), "=value-name=remote-address,comment"));

        Assert.Null(reply.Trap);
        Assert.All(router.Rows("/ppp/secret"), row => Assert.False(row.ContainsKey("remote-address") || row.ContainsKey("comment")));
        Assert.Equal("no such item", router.Execute(ApiSentence.Of("/ppp/secret/unset", "=.id=*1522", "=value-name=remote-address")).Trap);
    }

    private static SimulatedRouter NewRouter() =>
        new(new RouterOsSimulatorOptions { Identity = "MikroTik", SecretPrefix = "T-ONLINE", Secrets = 2, Active = 1 }, new ManualTimeProvider());

    private static IEnumerable<(string, string, string?, string)> Menu(string path, params (string Property, string? Default, string Access)[] properties) =>
        properties.Select(p => (path, p.Property, p.Default, p.Access));

    private static bool Answers(string path, string verb) => path is not ("/ppp/active" or "/system/resource") || verb != "set";

    /// <summary>The item a property walk works on: a new one where the menu adds, else one the router has.</summary>
    private static string? Target(SimulatedRouter router, string path) => path switch
    {
        "/ppp/secret" => router.Execute(ApiSentence.Of("/ppp/secret/add", "=name=T-WALK")).Ret,
        "/ppp/profile" => router.Execute(ApiSentence.Of("/ppp/profile/add", "=name=T-WALK")).Ret,
        "/ip/firewall/address-list" => router.Execute(ApiSentence.Of("/ip/firewall/address-list/add", "=list=t", "=address=10.0.0.1")).Ret,
        "/ip/pool" => router.Execute(ApiSentence.Of("/ip/pool/add", "=name=T-WALK", "=ranges=10.0.0.2-10.0.0.9")).Ret,
        "/interface" => Assert.Single(router.Execute(ApiSentence.Of("/interface/print", "=.proplist=.id", "?=name=ether1")).Rows)[0][5..],
        "/ppp/active" => router.Sessions[0].Id,
        _ => null,
    };

    private static Dictionary<string, string> Row(SimulatedRouter router, string path, string? target)
    {
        var reply = router.Execute(new ApiSentence([path + "/print", .. target is null ? [] : new[] { "?=.id=" + target }]));
        return Assert.Single(reply.Rows).Select(w => w.Split('=', 3)).ToDictionary(p => p[1], p => p[2]);
    }
}
