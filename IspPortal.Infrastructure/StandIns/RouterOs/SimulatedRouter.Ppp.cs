using System.Globalization;
using IspPortal.Core.Network.RouterOs;

namespace IspPortal.Infrastructure.StandIns.RouterOs;

/// <summary>What a PPPoE router does besides storing rows: the checks of <c>add</c>/<c>set</c>, sessions
/// that dial in with the secret's current profile, kicks and redials, counters that grow.</summary>
public sealed partial class SimulatedRouter
{
    private readonly Dictionary<string, SimulatorItem> _secretsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatorItem> _sessionsByName = new(StringComparer.Ordinal);
    private uint _nextSession = 0x81A00001;
    private int _nextAddress = 2;

    private void SeedAsNew()
    {
        AddItem(_profiles, "*0", new() { ["name"] = "default", ["local-address"] = "10.10.0.1", ["remote-address"] = "pool-default", ["default"] = "true" });
        AddItem(_profiles, "*FFFFFFFE", new() { ["name"] = "default-encryption", ["use-encryption"] = "yes", ["default"] = "true" });
        NewItem(_profiles, new() { ["name"] = "10M", ["local-address"] = "10.10.0.1", ["remote-address"] = "pool-10M", ["rate-limit"] = "5M/10M", ["only-one"] = "yes" });
        NewItem(_profiles, new() { ["name"] = "20M", ["local-address"] = "10.10.0.1", ["remote-address"] = "pool-20M", ["rate-limit"] = "10M/20M", ["only-one"] = "yes" });
        NewItem(_profiles, new() { ["name"] = IsolationProfile, ["local-address"] = "10.99.0.1", ["remote-address"] = "pool-isolir", ["rate-limit"] = "256k/256k", ["only-one"] = "yes", ["address-list"] = IsolationProfile });
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
            var name = _options.SecretPrefix + (100 + i).ToString(CultureInfo.InvariantCulture);
            NewSecret(new() { ["name"] = name, ["service"] = "pppoe", ["password"] = password, ["profile"] = i % 3 == 0 ? "20M" : "10M" });
        }
        foreach (var secret in _secrets.Items.Values.Take(_options.Active).ToList())
            TryConnect(secret["name"]!);
        NewItem(_pools, new() { ["name"] = "pool-default", ["ranges"] = "10.10.200.2-10.10.203.254" });
        NewItem(_pools, new() { ["name"] = "pool-10M", ["ranges"] = "10.10.0.2-10.10.99.254" });
        NewItem(_pools, new() { ["name"] = "pool-20M", ["ranges"] = "10.10.100.2-10.10.199.254" });
        NewItem(_pools, new() { ["name"] = "pool-isolir", ["ranges"] = "10.99.0.2-10.99.3.254" });
    }

    /// <summary>The menu-specific checks of <c>add</c> and <c>set</c>, with the texts a real router traps with (ROUTEROS.md §7.1).</summary>
    private SimulatorReply? Validate(SimulatorMenu menu, Dictionary<string, string> values, SimulatorItem? existing)
    {
        if (menu == _secrets)
        {
            if (values.TryGetValue("profile", out var profile) && FindByName(_profiles, profile) is null)
                return SimulatorReply.Failed("input does not match any value of profile", "1");
            if (values.TryGetValue("name", out var name) && _secretsByName.TryGetValue(name, out var same) && same != existing)
                return SimulatorReply.Failed("failure: secret with the same name already exists");
        }
        else if ((menu == _profiles || menu == _pools) && values.TryGetValue("name", out var name)
            && FindByName(menu, name) is { } same && same != existing)
        {
            return SimulatorReply.Failed("failure: already have such name");
        }
        else if (menu == _addressLists)
        {
            var list = values.GetValueOrDefault("list", existing?["list"] ?? "");
            var address = values.GetValueOrDefault("address", existing?["address"] ?? "");
            if (_addressLists.Items.Values.Any(e => e["list"] == list && e["address"] == address && e != existing))
                return SimulatorReply.Failed("failure: already have such entry");
        }
        return null;
    }

    private void Changing(SimulatorMenu menu, SimulatorItem item, Dictionary<string, string> values)
    {
        if (menu == _secrets && values.TryGetValue("name", out var newName))
        {
            _secretsByName.Remove(item["name"]!);
            _secretsByName[newName] = item;
        }
    }

    private void Changed(SimulatorMenu menu, SimulatorItem item)
    {
        // A disabled secret loses its session at once; other changes wait for the next dial (ROUTEROS.md §6).
        if (menu == _secrets && item["disabled"] == "true")
            DisconnectUser(item["name"]!, "nas-request", redial: false);
    }

    private SimulatorItem NewSecret(Dictionary<string, string> values)
    {
        var item = NewItem(_secrets, values);
        _secretsByName[values["name"]] = item;
        return item;
    }

    private static SimulatorItem? FindByName(SimulatorMenu menu, string name)
    {
        foreach (var item in menu.Items.Values)
        {
            if (item["name"] == name)
                return item;
        }
        return null;
    }

    private bool TryConnect(string name)
    {
        if (!_secretsByName.TryGetValue(name, out var secret) || secret["disabled"] == "true" || _sessionsByName.ContainsKey(name))
            return false;
        var profileName = _secrets.Value(secret, "profile")!;
        var profile = FindByName(_profiles, profileName);
        var address = secret["remote-address"] is { Length: > 0 } fixedAddress
            ? fixedAddress
            : (profileName == IsolationProfile ? "10.99." : "10.10.") + (_nextAddress / 250 % 250).ToString(CultureInfo.InvariantCulture) + "." + (_nextAddress++ % 250 + 2).ToString(CultureInfo.InvariantCulture);
        var session = NewItem(_sessions, new()
        {
            ["name"] = name,
            ["service"] = "pppoe",
            ["caller-id"] = MacFor(name),
            ["address"] = address,
            ["session-id"] = "0x" + (_nextSession++).ToString("X8", CultureInfo.InvariantCulture),
        });
        session.Profile = profileName;
        _sessionsByName[name] = session;
        var iface = AddInterface("<pppoe-" + name + ">", "pppoe-in", rxPerSecond: 20_000 + _random.Next(200_000), txPerSecond: 100_000 + _random.Next(2_000_000));
        session.Dependents.Add((_interfaces, iface));
        if (profile?["address-list"] is { Length: > 0 } list)
        {
            var entry = NewItem(_addressLists, new() { ["list"] = list, ["address"] = address, ["dynamic"] = "true", ["creation-time"] = Now() });
            session.Dependents.Add((_addressLists, entry));
        }
        return true;
    }

    private void DisconnectUser(string name, string reason, bool redial)
    {
        if (_sessionsByName.TryGetValue(name, out var session))
            Disconnect(session, reason, redial);
    }

    private void Disconnect(SimulatorItem session, string reason, bool redial)
    {
        var name = session["name"]!;
        _sessions.Items.Remove(session.Id);
        _sessionsByName.Remove(name);
        foreach (var (menu, dependent) in session.Dependents)
            menu.Items.Remove(dependent.Id);
        if (_secretsByName.TryGetValue(name, out var secret))
        {
            secret.Props["last-logged-out"] = Now();
            secret.Props["last-caller-id"] = session["caller-id"]!;
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
            var active = _sessions.Items;
            if (active.Count > 0 && (_random.Next(2) == 0 || active.Count >= _secretsByName.Count))
            {
                Disconnect(active.GetAt(_random.Next(active.Count)).Value, "hung-up", redial: false);
                return;
            }
            var secrets = _secrets.Items;
            for (var attempt = 0; attempt < 20 && secrets.Count > 0; attempt++)
            {
                if (TryConnect(secrets.GetAt(_random.Next(secrets.Count)).Value["name"]!))
                    return;
            }
        }
    }

    private SimulatorItem AddInterface(string name, string type, long rxPerSecond, long txPerSecond)
    {
        var values = new Dictionary<string, string> { ["name"] = name, ["type"] = type, ["last-link-up-time"] = Now() };
        if (type == "pppoe-in")
        {
            values["mtu"] = "1480";
            values["dynamic"] = "true";
        }
        var item = NewItem(_interfaces, values);
        item.RxPerSecond = rxPerSecond;
        item.TxPerSecond = txPerSecond;
        return item;
    }

    private long SecondsSince(SimulatorItem item) => (long)(_time.GetUtcNow() - item.Since).TotalSeconds;

    private string? SessionValue(SimulatorItem session, string name) =>
        name == "uptime" ? RouterOsDuration.Format(TimeSpan.FromSeconds(SecondsSince(session))) : null;

    /// <summary>Counters grow with the clock at the interface's rates; packets are counted as 1,000 bytes each.</summary>
    private string? InterfaceValue(SimulatorItem iface, string name)
    {
        var bytes = name switch
        {
            "rx-byte" or "fp-rx-byte" => iface.RxPerSecond * SecondsSince(iface),
            "tx-byte" or "fp-tx-byte" => iface.TxPerSecond * SecondsSince(iface),
            "rx-packet" or "fp-rx-packet" => iface.RxPerSecond * SecondsSince(iface) / 1000,
            "tx-packet" or "fp-tx-packet" => iface.TxPerSecond * SecondsSince(iface) / 1000,
            _ => -1,
        };
        if (bytes >= 0)
            return bytes.ToString(CultureInfo.InvariantCulture);
        return name == "actual-mtu" ? _interfaces.Value(iface, "mtu") : null;
    }

    private string? ResourceValue(SimulatorItem resource, string name) => name switch
    {
        "uptime" => RouterOsDuration.Format(Uptime),
        "free-memory" => (812_347_392 - _sessions.Items.Count * 4096L).ToString(CultureInfo.InvariantCulture),
        "cpu-load" => Math.Min(100, 3 + _sessions.Items.Count / 100).ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string MacFor(string name)
    {
        var hash = (uint)name.Aggregate(17, (h, c) => unchecked(h * 31 + c));
        return string.Create(CultureInfo.InvariantCulture, $"AC:84:C6:{hash >> 16 & 0xFF:X2}:{hash >> 8 & 0xFF:X2}:{hash & 0xFF:X2}");
    }
}
