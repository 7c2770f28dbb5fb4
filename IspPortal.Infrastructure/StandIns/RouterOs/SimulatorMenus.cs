using static IspPortal.Infrastructure.StandIns.RouterOs.MenuProperty;

namespace IspPortal.Infrastructure.StandIns.RouterOs;

/// <summary>
/// The menus the simulator serves, property by property as ROUTEROS.md §5 lists them: what <c>add</c>
/// and <c>set</c> take, what <c>print</c> shows and in which order, the defaults <c>unset</c> returns
/// to, and which properties only the router writes.
/// </summary>
public static class SimulatorMenus
{
    public const string Secret = "/ppp/secret";
    public const string Active = "/ppp/active";
    public const string Profile = "/ppp/profile";
    public const string AddressList = "/ip/firewall/address-list";
    public const string Interface = "/interface";
    public const string Pool = "/ip/pool";
    public const string Resource = "/system/resource";
    public const string Identity = "/system/identity";

    /// <summary>The documented full row of a v7 secret (§5.1), then <c>comment</c>, which appears once set.</summary>
    public static SimulatorMenu Secrets() => new(Secret, MenuVerbs.All,
    [
        Required("name"),
        new("service", "any"),
        new("caller-id", ""),
        new("password", ""),
        new("profile", "default"),
        new("local-address"),
        new("remote-address"),
        new("routes", ""),
        new("ipv6-routes", ""),
        new("remote-ipv6-prefix"),
        Number("limit-bytes-in"),
        Number("limit-bytes-out"),
        Shown("last-logged-out"),
        Shown("last-caller-id"),
        Shown("last-disconnect-reason"),
        Flag("disabled"),
        new("comment"),
    ]);

    /// <summary>Sessions only the router creates: read-only but for <c>remove</c>, the kick (§5.2).</summary>
    public static SimulatorMenu Sessions(Func<SimulatorItem, string, string?> computed) => new(Active, MenuVerbs.Remove,
    [
        Shown("name"),
        Shown("service"),
        Shown("caller-id"),
        Shown("address"),
        Shown("uptime"),
        Shown("encoding", ""),
        Shown("session-id"),
        Shown("limit-bytes-in", "0"),
        Shown("limit-bytes-out", "0"),
        Shown("radius", "false"),
    ]) { Computed = computed };

    /// <summary>§5.3, with the read-only <c>default</c> flag of the two built-in profiles.</summary>
    public static SimulatorMenu Profiles() => new(Profile, MenuVerbs.Add | MenuVerbs.Set | MenuVerbs.Remove,
    [
        Required("name"),
        new("local-address"),
        new("remote-address"),
        new("rate-limit"),
        new("address-list", ""),
        new("dns-server"),
        new("only-one", "default"),
        new("session-timeout"),
        new("idle-timeout"),
        new("change-tcp-mss", "default"),
        new("use-encryption", "default"),
        new("use-compression", "default"),
        new("use-mpls", "default"),
        new("use-ipv6", "yes"),
        new("incoming-filter"),
        new("outgoing-filter"),
        new("parent-queue"),
        new("queue-type"),
        new("insert-queue-before"),
        new("interface-list"),
        new("bridge"),
        new("bridge-horizon"),
        new("bridge-learning", "default"),
        new("bridge-path-cost"),
        new("bridge-port-priority"),
        new("on-up", ""),
        new("on-down", ""),
        Shown("default", "false"),
        new("comment"),
    ]);

    /// <summary>§5.4: <c>timeout</c> empty means permanent; <c>dynamic</c> entries come from PPP profiles.</summary>
    public static SimulatorMenu AddressLists() => new(AddressList, MenuVerbs.All,
    [
        Required("list"),
        Required("address"),
        new("timeout"),
        Shown("dynamic", "false"),
        Shown("creation-time"),
        Flag("disabled"),
        new("comment"),
    ]);

    /// <summary>§5.5: links and the dynamic <c>&lt;pppoe-NAME&gt;</c> interfaces; the counters are read-only.</summary>
    public static SimulatorMenu Interfaces(Func<SimulatorItem, string, string?> computed) => new(Interface, MenuVerbs.Edit,
    [
        new("name", Mandatory: true),
        Shown("type"),
        Number("mtu", 1500),
        Shown("actual-mtu"),
        Shown("running", "true"),
        Shown("dynamic", "false"),
        Shown("rx-byte", "0"),
        Shown("tx-byte", "0"),
        Shown("rx-packet", "0"),
        Shown("tx-packet", "0"),
        Shown("rx-drop", "0"),
        Shown("tx-drop", "0"),
        Shown("tx-queue-drop", "0"),
        Shown("rx-error", "0"),
        Shown("tx-error", "0"),
        Shown("fp-rx-byte", "0"),
        Shown("fp-tx-byte", "0"),
        Shown("fp-rx-packet", "0"),
        Shown("fp-tx-packet", "0"),
        Shown("link-downs", "0"),
        Shown("last-link-up-time"),
        Flag("disabled"),
        new("comment"),
    ]) { Computed = computed };

    /// <summary>Address pools the PPP profiles hand addresses out of.</summary>
    public static SimulatorMenu Pools() => new(Pool, MenuVerbs.Add | MenuVerbs.Set | MenuVerbs.Remove,
    [
        Required("name"),
        Required("ranges"),
        new("next-pool", "none"),
        new("comment"),
    ]);

    /// <summary>§5.7: one row, all read-only and worked out when printed.</summary>
    public static SimulatorMenu Resources(Func<SimulatorItem, string, string?> computed) => new(Resource, MenuVerbs.None,
    [
        Shown("uptime"),
        Shown("version", "7.16.2 (stable)"),
        Shown("build-time", "2024-11-29 14:51:13"),
        Shown("factory-software", "7.16.2"),
        Shown("free-memory"),
        Shown("total-memory", "1073741824"),
        Shown("cpu", "ARMv7"),
        Shown("cpu-count", "4"),
        Shown("cpu-frequency", "1400"),
        Shown("cpu-load"),
        Shown("free-hdd-space", "431734784"),
        Shown("total-hdd-space", "536870912"),
        Shown("write-sect-since-reboot", "5190"),
        Shown("write-sect-total", "1028713"),
        Shown("bad-blocks", "0"),
        Shown("architecture-name", "arm"),
        Shown("board-name", "RB4011iGS+"),
        Shown("platform", "MikroTik"),
    ], singleton: true) { Computed = computed };

    /// <summary>§5.8: one row, no <c>.id</c>; RouterOS names a new router <c>MikroTik</c>.</summary>
    public static SimulatorMenu Identities() => new(Identity, MenuVerbs.Set, [new("name", "MikroTik")], singleton: true);
}
