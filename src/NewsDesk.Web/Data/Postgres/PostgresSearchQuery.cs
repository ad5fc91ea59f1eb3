using System.Text;

namespace NewsDesk.Web.Data.Postgres;

/// <summary>
/// Translates the search syntax users type (the FTS5 syntax SQLite reads: words all required, <c>"a phrase"</c>,
/// <c>prefix*</c>, <c>OR</c>, <c>NOT</c>, parentheses; NOT binds tightest, then AND, then OR) into a PostgreSQL
/// <c>tsquery</c>. Hand-written rather than <c>websearch_to_tsquery</c>, which knows no prefixes and reads
/// <c>-word</c> where users type <c>NOT word</c>; a query FTS5 would refuse is refused here too
/// (<see cref="SearchSyntaxException"/>), so both engines fall back to the same word-by-word search.
/// </summary>
public static class PostgresSearchQuery
{
    public static string ToTsQuery(string query)
    {
        var parser = new Parser(Tokenize(query));
        var result = parser.Or();
        if (!parser.AtEnd)
        {
            throw new SearchSyntaxException($"unexpected '{parser.Peek}'");
        }

        return result;
    }

    private enum Kind
    {
        Word,
        Phrase,
        Star,
        Open,
        Close,
    }

    private sealed record Token(Kind Kind, string Text);

    private static List<Token> Tokenize(string query)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"')
            {
                var text = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= query.Length)
                    {
                        throw new SearchSyntaxException("unclosed quote");
                    }

                    if (query[i] == '"')
                    {
                        // "" inside a phrase is a literal quote, as in FTS5.
                        if (i + 1 < query.Length && query[i + 1] == '"')
                        {
                            text.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    text.Append(query[i++]);
                }

                tokens.Add(new Token(Kind.Phrase, text.ToString()));
            }
            else if (c is '*' or '(' or ')')
            {
                tokens.Add(new Token(c switch { '*' => Kind.Star, '(' => Kind.Open, _ => Kind.Close }, c.ToString()));
                i++;
            }
            else if (IsBareword(c))
            {
                var start = i;
                while (i < query.Length && IsBareword(query[i]))
                {
                    i++;
                }

                tokens.Add(new Token(Kind.Word, query[start..i]));
            }
            else
            {
                throw new SearchSyntaxException($"unexpected '{c}'");
            }
        }

        return tokens;
    }

    // FTS5's bareword characters: letters and digits of any script, the underscore, anything beyond ASCII.
    private static bool IsBareword(char c) => c > 127 || char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsTokenChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    /// <summary>The words a phrase or bareword holds, split as the index splits text (on anything not a letter or digit).</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (IsTokenChar(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private sealed class Parser(List<Token> tokens)
    {
        private int _at;

        public bool AtEnd => _at >= tokens.Count;

        public string Peek => AtEnd ? "end" : tokens[_at].Text;

        private bool IsOperator(string name) => !AtEnd && tokens[_at] is { Kind: Kind.Word } t && t.Text == name;

        public string Or()
        {
            var parts = new List<string> { And() };
            while (IsOperator("OR"))
            {
                _at++;
                parts.Add(And());
            }

            return parts.Count == 1 ? parts[0] : $"({string.Join(" | ", parts)})";
        }

        private string And()
        {
            var parts = new List<string> { Not() };
            while (!AtEnd && tokens[_at].Kind != Kind.Close && !IsOperator("OR"))
            {
                if (IsOperator("AND"))
                {
                    _at++;
                }

                parts.Add(Not());
            }

            return parts.Count == 1 ? parts[0] : $"({string.Join(" & ", parts)})";
        }

        private string Not()
        {
            var result = Primary();
            while (IsOperator("NOT"))
            {
                _at++;
                result = $"({result} & !{Primary()})";
            }

            return result;
        }

        private string Primary()
        {
            if (AtEnd)
            {
                throw new SearchSyntaxException("the query ends where a word was expected");
            }

            var token = tokens[_at++];
            switch (token.Kind)
            {
                case Kind.Open:
                    var inner = Or();
                    if (AtEnd || tokens[_at].Kind != Kind.Close)
                    {
                        throw new SearchSyntaxException("unclosed parenthesis");
                    }

                    _at++;
                    return inner;
                case Kind.Word when token.Text is "AND" or "OR" or "NOT":
                    throw new SearchSyntaxException($"'{token.Text}' where a word was expected");
                case Kind.Word or Kind.Phrase:
                    var prefix = !AtEnd && tokens[_at].Kind == Kind.Star;
                    if (prefix)
                    {
                        _at++;
                    }

                    var words = Words(token.Text);
                    if (words.Count == 0)
                    {
                        throw new SearchSyntaxException("an empty phrase");
                    }

                    var lexemes = words.Select((w, i) => $"'{w}'{(prefix && i == words.Count - 1 ? ":*" : "")}");
                    return words.Count == 1 ? lexemes.First() : $"({string.Join(" <-> ", lexemes)})";
                default:
                    throw new SearchSyntaxException($"unexpected '{token.Text}'");
            }
        }
    }
}

/// <summary>A search the syntax cannot parse (an unclosed quote, an operator without a word).</summary>
public sealed class SearchSyntaxException(string message) : Exception(message);
