using System.Globalization;

namespace IspPortal.Infrastructure.StandIns.RouterOs;

/// <summary>
/// API query words evaluated exactly as ROUTEROS.md §4.1 describes: per item, over a stack of
/// booleans that starts as an endless supply of true; the item matches when no false is left.
/// </summary>
public static class SimulatorQuery
{
    public static bool Matches(IReadOnlyList<string> queryWords, Func<string, string?> property)
    {
        var stack = new List<bool>();
        foreach (var word in queryWords)
        {
            var query = word[1..];
            if (query.StartsWith('#'))
                Apply(stack, query[1..]);
            else if (query.StartsWith('-'))
                stack.Add(string.IsNullOrEmpty(property(query[1..])));
            else
                stack.Add(Test(query, property));
        }
        return !stack.Contains(false);
    }

    private static bool Test(string query, Func<string, string?> property)
    {
        var op = query.Length > 0 && query[0] is '=' or '<' or '>' ? query[0] : '=';
        if (query.Length > 0 && query[0] is '=' or '<' or '>')
            query = query[1..];
        var split = query.IndexOf('=', StringComparison.Ordinal);
        if (split < 0)
            return !string.IsNullOrEmpty(property(query));
        if (property(query[..split]) is not { } actual)
            return false;
        var expected = query[(split + 1)..];
        var comparison = long.TryParse(actual, NumberStyles.Integer, CultureInfo.InvariantCulture, out var a)
            && long.TryParse(expected, NumberStyles.Integer, CultureInfo.InvariantCulture, out var b)
                ? a.CompareTo(b)
                : string.CompareOrdinal(actual, expected);
        return op switch
        {
            '<' => comparison < 0,
            '>' => comparison > 0,
            _ => comparison == 0,
        };
    }

    private static void Apply(List<bool> stack, string operations)
    {
        var afterIndex = false;
        var i = 0;
        while (i < operations.Length)
        {
            if (char.IsAsciiDigit(operations[i]))
            {
                var start = i;
                while (i < operations.Length && char.IsAsciiDigit(operations[i]))
                    i++;
                var value = At(stack, int.Parse(operations.AsSpan(start, i - start), CultureInfo.InvariantCulture));
                if (i == operations.Length)
                {
                    stack.Clear();
                    stack.Add(value);
                    return;
                }
                stack.Add(value);
                afterIndex = true;
                continue;
            }
            switch (operations[i])
            {
                case '!':
                    stack.Add(!Pop(stack));
                    break;
                case '&':
                    var and = Pop(stack) & Pop(stack);
                    stack.Add(and);
                    break;
                case '|':
                    var or = Pop(stack) | Pop(stack);
                    stack.Add(or);
                    break;
                case '.' when !afterIndex:
                    stack.Add(At(stack, 0));
                    break;
            }
            afterIndex = false;
            i++;
        }
    }

    private static bool At(List<bool> stack, int index) => index < stack.Count ? stack[stack.Count - 1 - index] : true;

    private static bool Pop(List<bool> stack)
    {
        if (stack.Count == 0)
            return true;
        var top = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return top;
    }
}
