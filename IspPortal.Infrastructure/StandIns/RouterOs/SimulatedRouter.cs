using System.Globalization;
using IspPortal.Core.Network.RouterOs;
using IspPortal.Infrastructure.Network.RouterOs;

namespace IspPortal.Infrastructure.StandIns.RouterOs;

/// <summary>
/// The in-memory router behind <see cref="RouterOsSimulator"/>: PPP secrets, sessions and profiles,
/// address lists, interfaces with growing counters, resource and identity. Thread-safe; time comes
/// from the <see cref="TimeProvider"/>, so tests drive redials and churn by advancing a clock.
/// </summary>
public sealed class SimulatedRouter : IDisposable
{
    public const string IsolationProfile = "isolir";

    private const string Secret = "/ppp/secret";
    private const string Active = "/ppp/active";
    private const string Profile = "/ppp/profile";
    private const string AddressList = "/ip/firewall/address-list";
    private const string Interface = "/interface";

    private static readonly Dictionary<string, MenuRules> Rules = new()
    {
        [Secret] = new(["name", "password", "service", "profile", "caller-id", "local-address", "remote-address", "routes", "limit-bytes-in", "limit-bytes-out", "comment", "disabled"], ["name"], CanAdd: true),
        [Active] = new([], [], CanAdd: false),
        [Profile] = new(["name", "local-address", "remote-address", "rate-limit", "address-list", "only-one", "dns-server", "comment"], ["name"], CanAdd: true),
        [AddressList] = new(["list", "address", "timeout", "comment", "disabled"], ["list", "address"], CanAdd: true),
        [Interface] = new(["name", "comment", "disabled", "mtu"], [], CanAdd: false),
    };

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly RouterOsSimulatorOptions _options;
    private readonly DateTimeOffset _bootedAt;
    private readonly Random _random;
    private readonly Dictionary<string, List<Item>> _menus = Rules.Keys.ToDictionary(k => k, _ => new List<Item>());
    private readonly Dictionary<string, Item> _secretsByName = new(StringComparer.Ordinal);
    private readonly HashSet<ITimer> _timers = [];
    private readonly ITimer? _churn;
    private string _identity;
    private int _nextId = 1;
    private uint _nextSession = 0x81A00001;
    private int _nextAddress = 2;

    public SimulatedRouter(RouterOsSimulatorOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _bootedAt = time.GetUtcNow();
        _random = new Random(options.Seed);
        _identity = options.Identity;
        SeedAsNew();
        if (options.ChurnPerMinute > 0)
        {
            var period = TimeSpan.FromMinutes(1 / options.ChurnPerMinute);
            _churn = time.CreateTimer(_ => Churn(), null, period, period);
        }
    }

    public string Identity
    {
        get { lock (_lock) return _identity; }
        set { lock (_lock) _identity = value; }
    }

    public TimeSpan Uptime => _time.GetUtcNow() - _bootedAt;

    public IReadOnlyList<SimulatedSecret> Secrets
    {
        get
        {
            lock (_lock)
            {
                return _menus[Secret].Select(s => new SimulatedSecret(
                    s.Id, s["name"]!, s["password"] ?? "", s["profile"] ?? "", s["disabled"] == "true", s["comment"])).ToList();
            }
        }
    }

    public IReadOnlyList<SimulatedSession> Sessions
    {
        get
        {
            lock (_lock)
                return _menus[Active].Select(a => new SimulatedSession(a.Id, a["name"]!, a["address"]!, a.Profile!, a.Since)).ToList();
        }
    }

    public IReadOnlyList<SimulatedAddressListEntry> AddressListEntries
    {
        get
        {
            lock (_lock)
                return _menus[AddressList].Select(e => new SimulatedAddressListEntry(e.Id, e["list"]!, e["address"]!, e["comment"], e["dynamic"] == "true")).ToList();
        }
    }

    public string AddSecret(string name, string password, string profile = "default", bool disabled = false, string? comment = null)
    {
        lock (_lock)
        {
            var item = NewSecret(name, password, profile, disabled, comment);
            return item.Id;
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
            switch (path)
            {
                case "/system/resource" when verb is "print" or "getall":
                    return Print([ResourceRow()], command);
                case "/system/identity" when verb is "print" or "getall":
                    return Print([new Dictionary<string, string> { ["name"] = _identity }], command);
                case "/system/identity" when verb == "set":
                    _identity = command["name"] ?? _identity;
                    return SimulatorReply.Done();
            }
            if (!_menus.TryGetValue(path, out var items))
                return SimulatorReply.Failed("no such command", "0");
            return verb switch
            {
                "print" or "getall" => Print(items.Select(View), command),
                "add" when Rules[path].CanAdd => Add(path, command),
                "set" => Set(path, command),
                "remove" when path != Interface => Remove(path, command),
                "enable" => Set(path, command, disabled: "false"),
                "disable" => Set(path, command, disabled: "true"),
                _ => SimulatorReply.Failed("no such command", "0"),
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

    private void SeedAsNew()
    {
        AddItem(Profile, "*0", new() { ["name"] = "default", ["local-address"] = "10.10.0.1", ["remote-address"] = "pool-default", ["only-one"] = "default", ["address-list"] = "" });
        AddItem(Profile, "*FFFFFFFE", new() { ["name"] = "default-encryption", ["use-encryption"] = "yes", ["only-one"] = "default", ["address-list"] = "" });
        NewItem(Profile, new() { ["name"] = "10M", ["local-address"] = "10.10.0.1", ["remote-address"] = "pool-10M", ["rate-limit"] = "5M/10M", ["only-one"] = "yes", ["address-list"] = "" });
        NewItem(Profile, new() { ["name"] = "20M", ["local-address"] = "10.10.0.1", ["remote-address"] = "pool-20M", ["rate-limit"] = "10M/20M", ["only-one"] = "yes", ["address-list"] = "" });
        NewItem(Profile, new() { ["name"] = IsolationProfile, ["local-address"] = "10.99.0.1", ["remote-address"] = "pool-isolir", ["rate-limit"] = "256k/256k", ["only-one"] = "yes", ["address-list"] = IsolationProfile });
        AddInterface("ether1", "ether", rxPerSecond: 40_000_000, txPerSecond: 120_000_000);
        AddInterface("ether2", "ether", rxPerSecond: 2_000_000, txPerSecond: 6_000_000);
        const string letters = "abcdefghjkmnpqrstuvwxyz23456789";
        for (var i = 0; i < _options.Secrets; i++)
        {
            var password = string.Create(8, _random, (span, random) =>
            {
                for (var c = 0; c < span.Length; c++)
                    span[c] = letters[random.Next(letters.Length)];
            });
            NewSecret(_options.SecretPrefix + (100 + i).ToString(CultureInfo.InvariantCulture), password, i % 3 == 0 ? "20M" : "10M", false, null);
        }
        foreach (var secret in _menus[Secret].Take(_options.Active).ToList())
            TryConnect(secret["name"]!);
    }

    private static SimulatorReply Print(IEnumerable<IReadOnlyDictionary<string, string>> items, ApiSentence command)
    {
        var queries = command.Words.Where(w => w.StartsWith('?')).ToList();
        var properties = command[".proplist"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var countOnly = command["count-only"] is not null;
        var rows = new List<IReadOnlyList<string>>();
        var count = 0;
        foreach (var item in items)
        {
            if (queries.Count > 0 && !SimulatorQuery.Matches(queries, name => item.GetValueOrDefault(name)))
                continue;
            count++;
            if (countOnly)
                continue;
            rows.Add(properties is null
                ? item.Select(p => "=" + p.Key + "=" + p.Value).ToList()
                : properties.Where(item.ContainsKey).Select(name => "=" + name + "=" + item[name]).ToList());
        }
        return countOnly ? SimulatorReply.Done(count.ToString(CultureInfo.InvariantCulture)) : new SimulatorReply(rows, null, null, null);
    }

    private SimulatorReply Add(string path, ApiSentence command)
    {
        var values = new Dictionary<string, string>();
        foreach (var (name, value) in command.Attributes)
        {
            if (!Rules[path].Writable.Contains(name))
                return SimulatorReply.Failed("unknown parameter " + name);
            values[name] = name == "disabled" ? Flag(value) : value;
        }
        foreach (var mandatory in Rules[path].Mandatory.Where(m => !values.ContainsKey(m)))
            return SimulatorReply.Failed($"missing value(s) of argument(s) {mandatory}");
        if (Validate(path, values, null) is { } problem)
            return problem;
        var item = path switch
        {
            Secret => NewSecret(values["name"], values.GetValueOrDefault("password", ""), values.GetValueOrDefault("profile", "default"), values.GetValueOrDefault("disabled") == "true", values.GetValueOrDefault("comment"), values),
            AddressList => NewItem(AddressList, new() { ["list"] = values["list"], ["address"] = values["address"], ["dynamic"] = "false", ["disabled"] = "false", ["creation-time"] = Now() }, values),
            _ => NewItem(path, values),
        };
        return SimulatorReply.Done(item.Id);
    }

    private SimulatorReply Set(string path, ApiSentence command, string? disabled = null)
    {
        if (Resolve(path, command) is not { } targets)
            return SimulatorReply.Failed("no such item");
        var values = new Dictionary<string, string>();
        foreach (var (name, value) in command.Attributes)
        {
            if (name is ".id" or "numbers")
                continue;
            if (disabled is not null || !Rules[path].Writable.Contains(name))
                return SimulatorReply.Failed("unknown parameter " + name);
            values[name] = name == "disabled" ? Flag(value) : value;
        }
        if (disabled is not null)
            values["disabled"] = disabled;
        foreach (var item in targets)
        {
            if (Validate(path, values, item) is { } problem)
                return problem;
        }
        foreach (var item in targets)
        {
            if (path == Secret && values.TryGetValue("name", out var newName))
            {
                _secretsByName.Remove(item["name"]!);
                _secretsByName[newName] = item;
            }
            foreach (var (name, value) in values)
                item.Props[name] = value;
            // A disabled secret loses its session at once; other changes wait for the next dial (ROUTEROS.md §6).
            if (path == Secret && values.GetValueOrDefault("disabled") == "true")
                DisconnectUser(item["name"]!, "nas-request", redial: false);
        }
        return SimulatorReply.Done();
    }

    private SimulatorReply Remove(string path, ApiSentence command)
    {
        if (Resolve(path, command) is not { } targets)
            return SimulatorReply.Failed("no such item");
        foreach (var item in targets)
        {
            switch (path)
            {
                case Active:
                    Disconnect(item, "nas-request", redial: true);
                    break;
                case Secret:
                    DisconnectUser(item["name"]!, "nas-request", redial: false);
                    _secretsByName.Remove(item["name"]!);
                    _menus[Secret].Remove(item);
                    break;
                default:
                    _menus[path].Remove(item);
                    break;
            }
        }
        return SimulatorReply.Done();
    }

    private SimulatorReply? Validate(string path, Dictionary<string, string> values, Item? existing)
    {
        switch (path)
        {
            case Secret:
                if (values.TryGetValue("profile", out var profile) && !_menus[Profile].Any(p => p["name"] == profile))
                    return SimulatorReply.Failed("input does not match any value of profile", "1");
                if (values.TryGetValue("name", out var name) && _secretsByName.TryGetValue(name, out var same) && same != existing)
                    return SimulatorReply.Failed("failure: secret with the same name already exists");
                break;
            case Profile:
                if (values.TryGetValue("name", out var profileName) && _menus[Profile].Any(p => p["name"] == profileName && p != existing))
                    return SimulatorReply.Failed("failure: already have such name");
                break;
            case AddressList:
                var list = values.GetValueOrDefault("list", existing?["list"] ?? "");
                var address = values.GetValueOrDefault("address", existing?["address"] ?? "");
                if (_menus[AddressList].Any(e => e["list"] == list && e["address"] == address && e != existing))
                    return SimulatorReply.Failed("failure: already have such entry");
                break;
        }
        return null;
    }

    /// <summary><c>=.id=</c> or <c>=numbers=</c>, comma-separated; each an id or, as RouterOS allows, a name.</summary>
    private List<Item>? Resolve(string path, ApiSentence command)
    {
        var ids = command[".id"] ?? command["numbers"];
        if (string.IsNullOrEmpty(ids))
            return null;
        var found = new List<Item>();
        foreach (var id in ids.Split(','))
        {
            var item = _menus[path].Find(i => i.Id == id) ?? _menus[path].Find(i => i["name"] == id);
            if (item is null)
                return null;
            found.Add(item);
        }
        return found;
    }

    private Item NewSecret(string name, string password, string profile, bool disabled, string? comment, Dictionary<string, string>? extra = null)
    {
        var props = new Dictionary<string, string>
        {
            ["name"] = name,
            ["service"] = "pppoe",
            ["caller-id"] = "",
            ["password"] = password,
            ["profile"] = profile,
            ["routes"] = "",
            ["limit-bytes-in"] = "0",
            ["limit-bytes-out"] = "0",
            ["disabled"] = disabled ? "true" : "false",
        };
        var item = NewItem(Secret, props, extra);
        if (comment is not null)
            item.Props["comment"] = comment;
        _secretsByName[name] = item;
        return item;
    }

    private bool TryConnect(string name)
    {
        if (!_secretsByName.TryGetValue(name, out var secret) || secret["disabled"] == "true" || _menus[Active].Any(a => a["name"] == name))
            return false;
        var profileName = secret["profile"] ?? "default";
        var profile = _menus[Profile].Find(p => p["name"] == profileName);
        var address = secret["remote-address"] is { Length: > 0 } fixedAddress
            ? fixedAddress
            : (profileName == IsolationProfile ? "10.99." : "10.10.") + (_nextAddress / 250 % 250).ToString(CultureInfo.InvariantCulture) + "." + (_nextAddress++ % 250 + 2).ToString(CultureInfo.InvariantCulture);
        var session = NewItem(Active, new()
        {
            ["name"] = name,
            ["service"] = "pppoe",
            ["caller-id"] = MacFor(name),
            ["address"] = address,
            ["uptime"] = "0s",
            ["encoding"] = "",
            ["session-id"] = "0x" + (_nextSession++).ToString("X8", CultureInfo.InvariantCulture),
            ["limit-bytes-in"] = "0",
            ["limit-bytes-out"] = "0",
            ["radius"] = "false",
        });
        session.Profile = profileName;
        var iface = AddInterface("<pppoe-" + name + ">", "pppoe-in", rxPerSecond: 20_000 + _random.Next(200_000), txPerSecond: 100_000 + _random.Next(2_000_000));
        iface.Owner = session.Id;
        if (profile?["address-list"] is { Length: > 0 } list)
        {
            var entry = NewItem(AddressList, new() { ["list"] = list, ["address"] = address, ["dynamic"] = "true", ["disabled"] = "false", ["creation-time"] = Now() });
            entry.Owner = session.Id;
        }
        return true;
    }

    private void DisconnectUser(string name, string reason, bool redial)
    {
        foreach (var session in _menus[Active].Where(a => a["name"] == name).ToList())
            Disconnect(session, reason, redial);
    }

    private void Disconnect(Item session, string reason, bool redial)
    {
        _menus[Active].Remove(session);
        _menus[Interface].RemoveAll(i => i.Owner == session.Id);
        _menus[AddressList].RemoveAll(e => e.Owner == session.Id);
        var name = session["name"]!;
        if (_secretsByName.TryGetValue(name, out var secret))
        {
            secret.Props["last-logged-out"] = Now();
            secret.Props["last-disconnect-reason"] = reason;
        }
        if (!redial)
            return;
        ITimer? timer = null;
        timer = _time.CreateTimer(_ =>
        {
            lock (_lock)
            {
                // The CPE dials again with whatever the secret says now: a new profile bites here.
                TryConnect(name);
                if (timer is not null && _timers.Remove(timer))
                    timer.Dispose();
            }
        }, null, _options.RedialDelay, Timeout.InfiniteTimeSpan);
        _timers.Add(timer);
    }

    private void Churn()
    {
        lock (_lock)
        {
            var active = _menus[Active];
            if (active.Count > 0 && (_random.Next(2) == 0 || active.Count >= _secretsByName.Count))
            {
                Disconnect(active[_random.Next(active.Count)], "hung-up", redial: false);
                return;
            }
            var secrets = _menus[Secret];
            for (var attempt = 0; attempt < 20 && secrets.Count > 0; attempt++)
            {
                if (TryConnect(secrets[_random.Next(secrets.Count)]["name"]!))
                    return;
            }
        }
    }

    private Item AddInterface(string name, string type, long rxPerSecond, long txPerSecond)
    {
        var item = NewItem(Interface, new() { ["name"] = name, ["type"] = type, ["mtu"] = type == "ether" ? "1500" : "1480", ["running"] = "true", ["disabled"] = "false", ["dynamic"] = type == "pppoe-in" ? "true" : "false" });
        item.RxPerSecond = rxPerSecond;
        item.TxPerSecond = txPerSecond;
        return item;
    }

    private Item NewItem(string path, Dictionary<string, string> props, Dictionary<string, string>? extra = null) =>
        AddItem(path, "*" + (_nextId++).ToString("X", CultureInfo.InvariantCulture), props, extra);

    private Item AddItem(string path, string id, Dictionary<string, string> props, Dictionary<string, string>? extra = null)
    {
        var item = new Item(id, _time.GetUtcNow());
        item.Props[".id"] = id;
        foreach (var (key, value) in props)
            item.Props[key] = value;
        foreach (var (key, value) in extra ?? [])
            item.Props[key] = value;
        _menus[path].Add(item);
        return item;
    }

    private IReadOnlyDictionary<string, string> View(Item item)
    {
        if (item.RxPerSecond == 0 && !item.Props.ContainsKey("uptime"))
            return item.Props;
        var view = new Dictionary<string, string>(item.Props);
        var seconds = (long)(_time.GetUtcNow() - item.Since).TotalSeconds;
        if (view.ContainsKey("uptime"))
            view["uptime"] = RouterOsDuration.Format(TimeSpan.FromSeconds(seconds));
        if (item.RxPerSecond > 0)
        {
            view["rx-byte"] = (item.RxPerSecond * seconds).ToString(CultureInfo.InvariantCulture);
            view["tx-byte"] = (item.TxPerSecond * seconds).ToString(CultureInfo.InvariantCulture);
        }
        return view;
    }

    private Dictionary<string, string> ResourceRow() => new()
    {
        ["uptime"] = RouterOsDuration.Format(Uptime),
        ["version"] = "7.16.2 (stable)",
        ["build-time"] = "2024-11-29 14:51:13",
        ["free-memory"] = (812_347_392 - _menus[Active].Count * 4096L).ToString(CultureInfo.InvariantCulture),
        ["total-memory"] = "1073741824",
        ["cpu"] = "ARMv7",
        ["cpu-count"] = "4",
        ["cpu-frequency"] = "1400",
        ["cpu-load"] = Math.Min(100, 3 + _menus[Active].Count / 100).ToString(CultureInfo.InvariantCulture),
        ["free-hdd-space"] = "431734784",
        ["total-hdd-space"] = "536870912",
        ["architecture-name"] = "arm",
        ["board-name"] = "RB4011iGS+",
        ["platform"] = "MikroTik",
    };

    // RouterOS 7.10+ writes dates in ISO form.
    private string Now() => _time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Flag(string value) => value is "yes" or "true" ? "true" : "false";

    private static string MacFor(string name)
    {
        var hash = (uint)name.Aggregate(17, (h, c) => unchecked(h * 31 + c));
        return string.Create(CultureInfo.InvariantCulture, $"AC:84:C6:{hash >> 16 & 0xFF:X2}:{hash >> 8 & 0xFF:X2}:{hash & 0xFF:X2}");
    }

    private sealed record MenuRules(string[] Writable, string[] Mandatory, bool CanAdd);

    private sealed class Item(string id, DateTimeOffset since)
    {
        public string Id => id;

        public DateTimeOffset Since => since;

        public Dictionary<string, string> Props { get; } = new(StringComparer.Ordinal);

        /// <summary>The session a dynamic interface or address-list entry belongs to.</summary>
        public string? Owner { get; set; }

        /// <summary>The profile a session dialled in with (not a /ppp/active property, kept for tests).</summary>
        public string? Profile { get; set; }

        public long RxPerSecond { get; set; }

        public long TxPerSecond { get; set; }

        public string? this[string name] => Props.GetValueOrDefault(name);
    }
}

/// <summary>What the router answers to one command: rows (each a list of <c>=name=value</c> words), then
/// a trap or a <c>!done</c> that may carry <c>=ret=</c>.</summary>
public sealed record SimulatorReply(IReadOnlyList<IReadOnlyList<string>> Rows, string? Ret, string? Trap, string? TrapCategory)
{
    public static SimulatorReply Done(string? ret = null) => new([], ret, null, null);

    public static SimulatorReply Failed(string message, string? category = null) => new([], null, message, category);
}

public sealed record SimulatedSecret(string Id, string Name, string Password, string Profile, bool Disabled, string? Comment)
{
    public override string ToString() => $"SimulatedSecret {{ Id = {Id}, Name = {Name}, Profile = {Profile}, Disabled = {Disabled} }}";
}

public sealed record SimulatedSession(string Id, string Name, string Address, string Profile, DateTimeOffset Since);

public sealed record SimulatedAddressListEntry(string Id, string List, string Address, string? Comment, bool Dynamic);
