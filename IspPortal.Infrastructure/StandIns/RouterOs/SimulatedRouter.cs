using System.Globalization;
using IspPortal.Infrastructure.Network.RouterOs;
using static IspPortal.Infrastructure.StandIns.RouterOs.SimulatorMenus;

namespace IspPortal.Infrastructure.StandIns.RouterOs;

/// <summary>
/// The in-memory router behind <see cref="RouterOsSimulator"/>: the menus of <see cref="SimulatorMenus"/>
/// with <c>print</c>, <c>add</c>, <c>set</c>, <c>unset</c>, <c>remove</c>, <c>enable</c> and <c>disable</c>
/// driven by each menu's property table, plus the PPP behaviour of sessions (SimulatedRouter.Ppp.cs).
/// Thread-safe; time comes from the <see cref="TimeProvider"/>, so tests drive redials and churn by
/// advancing a clock.
/// </summary>
public sealed partial class SimulatedRouter : IDisposable
{
    public const string IsolationProfile = "isolir";

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly RouterOsSimulatorOptions _options;
    private readonly DateTimeOffset _bootedAt;
    private readonly Random _random;
    private readonly Dictionary<string, SimulatorMenu> _menus;
    private readonly SimulatorMenu _secrets;
    private readonly SimulatorMenu _sessions;
    private readonly SimulatorMenu _profiles;
    private readonly SimulatorMenu _addressLists;
    private readonly SimulatorMenu _interfaces;
    private readonly SimulatorMenu _pools;
    private readonly SimulatorItem _identity;
    private readonly HashSet<ITimer> _timers = [];
    private readonly ITimer? _churn;
    private int _nextId = 1;

    public SimulatedRouter(RouterOsSimulatorOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _bootedAt = time.GetUtcNow();
        _random = new Random(options.Seed);
        _secrets = SimulatorMenus.Secrets();
        _sessions = SimulatorMenus.Sessions(SessionValue);
        _profiles = SimulatorMenus.Profiles();
        _addressLists = SimulatorMenus.AddressLists();
        _interfaces = SimulatorMenus.Interfaces(InterfaceValue);
        _pools = SimulatorMenus.Pools();
        var resources = SimulatorMenus.Resources(ResourceValue);
        var identities = SimulatorMenus.Identities();
        _menus = new[] { _secrets, _sessions, _profiles, _addressLists, _interfaces, _pools, resources, identities }.ToDictionary(m => m.Path, StringComparer.Ordinal);
        AddItem(resources, "*1", []);
        _identity = AddItem(identities, "*1", new() { ["name"] = options.Identity });
        SeedAsNew();
        if (options.ChurnPerMinute > 0)
        {
            var period = TimeSpan.FromMinutes(1 / options.ChurnPerMinute);
            _churn = time.CreateTimer(_ => Churn(), null, period, period);
        }
    }

    public string Identity
    {
        get { lock (_lock) return _identity["name"]!; }
        set { lock (_lock) _identity.Props["name"] = value; }
    }

    public TimeSpan Uptime => _time.GetUtcNow() - _bootedAt;

    public IReadOnlyList<SimulatedSecret> Secrets
    {
        get
        {
            lock (_lock)
            {
                return _secrets.Items.Values.Select(s => new SimulatedSecret(
                    s.Id, s["name"]!, _secrets.Value(s, "password")!, _secrets.Value(s, "profile")!, _secrets.Value(s, "disabled") == "true", s["comment"])).ToList();
            }
        }
    }

    public IReadOnlyList<SimulatedSession> Sessions
    {
        get
        {
            lock (_lock)
                return _sessions.Items.Values.Select(a => new SimulatedSession(a.Id, a["name"]!, a["address"]!, a.Profile!, a.Since)).ToList();
        }
    }

    public IReadOnlyList<SimulatedAddressListEntry> AddressListEntries
    {
        get
        {
            lock (_lock)
            {
                return _addressLists.Items.Values.Select(e => new SimulatedAddressListEntry(
                    e.Id, e["list"]!, e["address"]!, e["comment"], _addressLists.Value(e, "dynamic") == "true")).ToList();
            }
        }
    }

    /// <summary>Every row of a menu as a full <c>print</c> shows it (defaults included), for tests that check the router's state.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string path)
    {
        lock (_lock)
        {
            var menu = _menus[path];
            return menu.Items.Values.Select(item => (IReadOnlyDictionary<string, string>)Row(menu, item, null)
                .Select(word => word.Split('=', 3)).ToDictionary(parts => parts[1], parts => parts[2], StringComparer.Ordinal)).ToList();
        }
    }

    public string AddSecret(string name, string password, string profile = "default", bool disabled = false, string? comment = null)
    {
        lock (_lock)
        {
            var values = new Dictionary<string, string> { ["name"] = name, ["password"] = password, ["profile"] = profile, ["service"] = "pppoe", ["disabled"] = disabled ? "true" : "false" };
            if (comment is not null)
                values["comment"] = comment;
            return NewSecret(values).Id;
        }
    }

    /// <summary>Dials in as the secret's CPE would; false when the secret is missing, disabled or already online.</summary>
    public bool Connect(string name)
    {
        lock (_lock)
            return TryConnect(name);
    }

    /// <summary>Runs one API command against the router (the server handles login, tags and cancel).</summary>
    public SimulatorReply Execute(ApiSentence command)
    {
        var word = command.Type;
        var slash = word.LastIndexOf('/');
        var path = slash > 0 ? word[..slash] : word;
        var verb = word[(slash + 1)..];
        lock (_lock)
        {
            if (!_menus.TryGetValue(path, out var menu))
                return SimulatorReply.NoSuchCommand();
            return verb switch
            {
                "print" or "getall" => Print(menu, command),
                "add" when menu.Answers(MenuVerbs.Add) => Add(menu, command),
                "set" when menu.Answers(MenuVerbs.Set) => Set(menu, command, null),
                "unset" when menu.Answers(MenuVerbs.Set) => Unset(menu, command),
                "remove" when menu.Answers(MenuVerbs.Remove) => Remove(menu, command),
                "enable" when menu.Answers(MenuVerbs.Toggle) => Set(menu, command, "false"),
                "disable" when menu.Answers(MenuVerbs.Toggle) => Set(menu, command, "true"),
                _ => SimulatorReply.NoSuchCommand(),
            };
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _churn?.Dispose();
            foreach (var timer in _timers)
                timer.Dispose();
            _timers.Clear();
        }
    }

    private static SimulatorReply Print(SimulatorMenu menu, ApiSentence command)
    {
        List<string>? queries = null;
        for (var i = 1; i < command.Words.Count; i++)
        {
            if (command.Words[i].StartsWith('?'))
                (queries ??= []).Add(command.Words[i]);
        }
        var properties = command[".proplist"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var countOnly = command["count-only"] is not null;
        var rows = new List<IReadOnlyList<string>>(countOnly ? 0 : menu.Items.Count);
        var count = 0;
        foreach (var item in menu.Items.Values)
        {
            if (queries is not null && !SimulatorQuery.Matches(queries, name => menu.Value(item, name)))
                continue;
            count++;
            if (!countOnly)
                rows.Add(Row(menu, item, properties));
        }
        return countOnly ? SimulatorReply.Done(count.ToString(CultureInfo.InvariantCulture)) : new SimulatorReply(rows, null, null, null);
    }

    private static List<string> Row(SimulatorMenu menu, SimulatorItem item, string[]? properties)
    {
        var words = new List<string>(properties?.Length ?? menu.Properties.Count + 1);
        if (properties is null && !menu.Singleton)
            words.Add("=.id=" + item.Id);
        if (properties is null)
        {
            foreach (var property in menu.Properties)
            {
                if (menu.Value(item, property.Name) is { } value)
                    words.Add("=" + property.Name + "=" + value);
            }
            return words;
        }
        foreach (var name in properties)
        {
            if (menu.Value(item, name) is { } value)
                words.Add("=" + name + "=" + value);
        }
        return words;
    }

    private SimulatorReply Add(SimulatorMenu menu, ApiSentence command)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in command.Attributes)
        {
            if (Accept(menu, name, value) is not { } accepted)
                return Refuse(menu, name);
            values[name] = accepted;
        }
        foreach (var mandatory in menu.Properties.Where(p => p.Mandatory && !values.ContainsKey(p.Name)))
            return SimulatorReply.Failed($"missing value(s) of argument(s) {mandatory.Name}");
        if (Validate(menu, values, null) is { } problem)
            return problem;
        var item = menu == _secrets ? NewSecret(values)
            : menu == _addressLists ? NewItem(menu, new(values) { ["creation-time"] = Now() })
            : NewItem(menu, values);
        return SimulatorReply.Done(item.Id);
    }

    /// <param name="disabled">For <c>enable</c>/<c>disable</c>, which take nothing but the items.</param>
    private SimulatorReply Set(SimulatorMenu menu, ApiSentence command, string? disabled)
    {
        if (Targets(menu, command) is not { } targets)
            return SimulatorReply.Failed("no such item");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in command.Attributes)
        {
            if (name is ".id" or "numbers")
                continue;
            if (disabled is not null || Accept(menu, name, value) is not { } accepted)
                return Refuse(menu, name);
            values[name] = accepted;
        }
        if (disabled is not null)
            values["disabled"] = disabled;
        foreach (var item in targets)
        {
            if (Validate(menu, values, item) is { } problem)
                return problem;
        }
        foreach (var item in targets)
        {
            Changing(menu, item, values);
            foreach (var (name, value) in values)
                item.Props[name] = value;
            Changed(menu, item);
        }
        return SimulatorReply.Done();
    }

    /// <summary><c>unset =.id= =value-name=</c>: the named properties (a comma list) go back to their defaults.</summary>
    private SimulatorReply Unset(SimulatorMenu menu, ApiSentence command)
    {
        if (Targets(menu, command) is not { } targets)
            return SimulatorReply.Failed("no such item");
        string[] names = [];
        foreach (var (name, value) in command.Attributes)
        {
            if (name is ".id" or "numbers")
                continue;
            if (name != "value-name")
                return SimulatorReply.Failed("unknown parameter " + name);
            names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        if (names.Length == 0)
            return SimulatorReply.Failed("missing value(s) of argument(s) value-name");
        // value-name is a choice among the properties that can be cleared; anything else is a bad value, as for any choice.
        if (names.Any(n => menu.Property(n) is not { ReadOnly: false, Mandatory: false }))
            return SimulatorReply.Failed("input does not match any value of value-name", "1");
        foreach (var item in targets)
        {
            foreach (var name in names)
                item.Props.Remove(name);
            Changed(menu, item);
        }
        return SimulatorReply.Done();
    }

    private SimulatorReply Remove(SimulatorMenu menu, ApiSentence command)
    {
        if (Targets(menu, command) is not { } targets)
            return SimulatorReply.Failed("no such item");
        foreach (var item in targets)
        {
            if (menu == _sessions)
            {
                Disconnect(item, "nas-request", redial: true);
                continue;
            }
            if (menu == _secrets)
            {
                DisconnectUser(item["name"]!, "nas-request", redial: false);
                _secretsByName.Remove(item["name"]!);
            }
            menu.Items.Remove(item.Id);
        }
        return SimulatorReply.Done();
    }

    /// <summary><c>=.id=</c> or <c>=numbers=</c>, comma-separated, each an id or a name; a singleton needs neither.</summary>
    private static List<SimulatorItem>? Targets(SimulatorMenu menu, ApiSentence command)
    {
        var ids = command[".id"] ?? command["numbers"];
        if (menu.Singleton && string.IsNullOrEmpty(ids))
            return [.. menu.Items.Values];
        if (string.IsNullOrEmpty(ids))
            return null;
        var found = new List<SimulatorItem>();
        foreach (var id in ids.Split(','))
        {
            if (menu.Find(id) is not { } item)
                return null;
            found.Add(item);
        }
        return found;
    }

    /// <summary>The value as stored, or null when the menu has no such writable property or the value does not fit it.</summary>
    private static string? Accept(SimulatorMenu menu, string name, string value) => menu.Property(name) switch
    {
        null or { ReadOnly: true } => null,
        { Kind: PropertyKind.Flag } => value switch { "yes" or "true" => "true", "no" or "false" => "false", _ => null },
        { Kind: PropertyKind.Number } => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? value : null,
        _ => value,
    };

    private static SimulatorReply Refuse(SimulatorMenu menu, string name) => menu.Property(name) is { ReadOnly: false }
        ? SimulatorReply.Failed("invalid value for argument " + name, "1")
        : SimulatorReply.Failed("unknown parameter " + name);

    private SimulatorItem NewItem(SimulatorMenu menu, Dictionary<string, string> values) =>
        AddItem(menu, "*" + (_nextId++).ToString("X", CultureInfo.InvariantCulture), values);

    private SimulatorItem AddItem(SimulatorMenu menu, string id, Dictionary<string, string> values)
    {
        var item = new SimulatorItem(id, _time.GetUtcNow());
        foreach (var (key, value) in values)
            item.Props[key] = value;
        menu.Items.Add(id, item);
        return item;
    }

    // RouterOS 7.10+ writes dates in ISO form.
    private string Now() => _time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
