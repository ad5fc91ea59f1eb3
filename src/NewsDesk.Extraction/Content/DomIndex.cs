using AngleSharp.Dom;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// The body flattened into document order with per-node text statistics. Pruning marks nodes dead instead of
/// mutating the DOM, and every walk is a loop over arrays: no recursion, so any depth the parser produced is safe.
/// </summary>
internal sealed class DomIndex
{
    private static readonly HashSet<string> _inline = new(StringComparer.Ordinal)
    {
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
        // Ruby base text and MathML formulas read as part of their sentence, not as blocks of their own.
        "ruby", "rb", "rtc", "math", "semantics", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msup", "msub",
        "msubsup", "mfrac", "msqrt", "mroot", "mstyle", "mover", "munder", "munderover", "mpadded", "mphantom",
        "menclose", "mfenced", "mmultiscripts", "mprescripts", "none", "mtable", "mtr", "mtd", "mlabeledtr",
    };

    private readonly int[] _ownLength;
    private readonly int[] _ownCommas;

    public DomIndex(INode root)
    {
        var nodes = new List<INode>();
        var parents = new List<int>();
        var stack = new Stack<(INode Node, int Parent)>();
        stack.Push((root, -1));
        while (stack.Count > 0)
        {
            var (node, parent) = stack.Pop();
            var index = nodes.Count;
            nodes.Add(node);
            parents.Add(parent);
            var children = node.ChildNodes;
            for (var c = children.Length - 1; c >= 0; c--)
            {
                var child = children[c];
                if (child.NodeType is NodeType.Element or NodeType.Text)
                {
                    stack.Push((child, index));
                }
            }
        }

        Nodes = nodes;
        Count = nodes.Count;
        Parent = [.. parents];
        End = new int[Count];
        Tag = new string[Count];
        Removed = new bool[Count];
        Dead = new bool[Count];
        TextLength = new int[Count];
        LinkLength = new int[Count];
        OwnTextLength = new int[Count];
        Commas = new int[Count];
        Links = new int[Count];
        Paragraphs = new int[Count];
        Images = new int[Count];
        ListItems = new int[Count];
        Inputs = new int[Count];
        Embeds = new int[Count];
        HeadingLength = new int[Count];

        // Text never changes between pruning passes: measure each text node once.
        _ownLength = new int[Count];
        _ownCommas = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            if (nodes[i] is IElement element)
            {
                Tag[i] = element.LocalName;
            }
            else
            {
                Tag[i] = "#text";
                var data = ((IText)nodes[i]).Data;
                _ownLength[i] = CollapsedLength(data);
                _ownCommas[i] = CountCommas(data);
            }
        }

        for (var i = Count - 1; i >= 0; i--)
        {
            End[i] = Math.Max(End[i], i + 1);
            if (Parent[i] >= 0)
            {
                End[Parent[i]] = Math.Max(End[Parent[i]], End[i]);
            }
        }

        ComputeStatistics();
    }

    public IReadOnlyList<INode> Nodes { get; }

    /// <summary>Whether class and id names count in this attempt (set by <see cref="BoilerplateFilter.Apply"/>).</summary>
    public bool UseNames { get; set; } = true;
    public int Count { get; }
    public int[] Parent { get; }

    /// <summary>One past the last index of the node's subtree.</summary>
    public int[] End { get; }
    public string[] Tag { get; }

    /// <summary>Marked for removal by a pruning rule.</summary>
    public bool[] Removed { get; }

    /// <summary>Removed, or inside a removed node (valid after <see cref="ComputeStatistics"/>).</summary>
    public bool[] Dead { get; }
    public int[] TextLength { get; }
    public int[] LinkLength { get; }

    /// <summary>Text directly in the element or in its inline children: what a reader sees as this block's own text.</summary>
    public int[] OwnTextLength { get; }
    public int[] Commas { get; }
    public int[] Links { get; }
    public int[] Paragraphs { get; }
    public int[] Images { get; }
    public int[] ListItems { get; }
    public int[] Inputs { get; }
    public int[] Embeds { get; }
    public int[] HeadingLength { get; }

    public static bool IsInline(string tag) => _inline.Contains(tag);

    public bool IsText(int i) => Tag[i] == "#text";

    public IElement Element(int i) => (IElement)Nodes[i];

    public double LinkDensity(int i) => TextLength[i] == 0 ? 0 : (double)LinkLength[i] / TextLength[i];

    /// <summary>Forgets every pruning decision, for another attempt with different rules.</summary>
    public void Reset()
    {
        Array.Clear(Removed);
        ComputeStatistics();
    }

    /// <summary>Recomputes liveness and statistics after pruning (one forward and one backward pass).</summary>
    public void ComputeStatistics()
    {
        for (var i = 0; i < Count; i++)
        {
            Dead[i] = Removed[i] || (Parent[i] >= 0 && Dead[Parent[i]]);
        }

        Array.Clear(TextLength);
        Array.Clear(LinkLength);
        Array.Clear(OwnTextLength);
        Array.Clear(Commas);
        Array.Clear(Links);
        Array.Clear(Paragraphs);
        Array.Clear(Images);
        Array.Clear(ListItems);
        Array.Clear(Inputs);
        Array.Clear(Embeds);
        Array.Clear(HeadingLength);

        for (var i = Count - 1; i >= 0; i--)
        {
            if (Dead[i])
            {
                continue;
            }

            var tag = Tag[i];
            if (tag == "#text")
            {
                TextLength[i] = _ownLength[i];
                Commas[i] = _ownCommas[i];
            }
            else
            {
                switch (tag)
                {
                    case "a":
                        LinkLength[i] = TextLength[i];
                        Links[i]++;
                        break;
                    case "p":
                        Paragraphs[i]++;
                        break;
                    case "img":
                        Images[i]++;
                        break;
                    case "li":
                        ListItems[i]++;
                        break;
                    case "input" or "select" or "textarea" or "button":
                        Inputs[i]++;
                        break;
                    case "embed" or "object" or "iframe" or "video" or "audio":
                        Embeds[i]++;
                        break;
                    case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                        HeadingLength[i] = TextLength[i];
                        break;
                }
            }

            var p = Parent[i];
            if (p < 0)
            {
                continue;
            }

            TextLength[p] += TextLength[i];
            LinkLength[p] += LinkLength[i];
            Commas[p] += Commas[i];
            Links[p] += Links[i];
            Paragraphs[p] += Paragraphs[i];
            Images[p] += Images[i];
            ListItems[p] += ListItems[i];
            Inputs[p] += Inputs[i];
            Embeds[p] += Embeds[i];
            HeadingLength[p] += HeadingLength[i];
            if (tag == "#text" || IsInline(tag))
            {
                OwnTextLength[p] += TextLength[i];
            }
        }
    }

    /// <summary>Characters a reader sees: whitespace runs count as one.</summary>
    private static int CollapsedLength(string text)
    {
        var length = 0;
        var inSpace = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace)
                {
                    length++;
                    inSpace = true;
                }
            }
            else
            {
                length++;
                inSpace = false;
            }
        }

        return length;
    }

    private static int CountCommas(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            // Latin, Arabic, CJK and full-width commas all mark clauses of prose.
            if (c is ',' or '\u060C' or '\u3001' or '\uFF0C')
            {
                count++;
            }
        }

        return count;
    }
}
