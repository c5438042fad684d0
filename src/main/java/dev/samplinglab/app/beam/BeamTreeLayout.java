package dev.samplinglab.app.beam;

import dev.samplinglab.engine.generate.beam.BeamCandidate;
import dev.samplinglab.engine.generate.beam.BeamStep;
import dev.samplinglab.engine.generate.beam.Fate;
import dev.samplinglab.engine.generate.beam.Hypothesis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where each candidate of a beam search goes in a left-to-right tree: column 0 is the prompt,
 * column s + 1 holds the candidates of step s, ordered by their parent's row and then by rank so
 * that children sit next to their parent. Kept candidates are the parents of the next column;
 * pruned and finished ones are leaves. No JavaFX: the view only draws it.
 */
public final class BeamTreeLayout {
    /**
     * A node of the tree.
     *
     * @param column 0 for the prompt, s + 1 for step s
     * @param row its row in the column (0 at the top)
     * @param parent index of the parent node in {@link #nodes()}, -1 for the prompt
     * @param candidate the step's candidate (null for the prompt)
     * @param onBest whether it lies on the best sequence's path
     */
    public record Node(
            int column, int row, int parent, BeamCandidate candidate, String text, boolean onBest) {
        public double probability() {
            return candidate == null ? 1 : Math.exp(candidate.tokenLogProb());
        }

        public Fate fate() {
            return candidate == null ? Fate.KEPT : candidate.fate();
        }
    }

    private final List<Node> nodes;
    private final int columns;
    private final int rows;

    private BeamTreeLayout(List<Node> nodes, int columns, int rows) {
        this.nodes = List.copyOf(nodes);
        this.columns = columns;
        this.rows = rows;
    }

    /** Lays out every step of {@code snap}. */
    public static BeamTreeLayout of(BeamSnapshot snap) {
        List<BeamStep> steps = snap.steps();
        List<Node> nodes = new ArrayList<>();
        List<int[]> slotNode = new ArrayList<>(); // per step: slot -> node index
        int rows = 1;
        nodes.add(new Node(0, 0, -1, null, snap.promptText(), true));
        for (int s = 0; s < steps.size(); s++) {
            List<BeamCandidate> cands = new ArrayList<>(steps.get(s).candidates());
            int[] parentOf = new int[cands.size()];
            for (BeamCandidate c : cands) {
                parentOf[c.rank()] = s == 0 ? 0 : slotNode.get(s - 1)[c.parent()];
            }
            int step = s;
            cands.sort(
                    Comparator.<BeamCandidate>comparingInt(c -> nodes.get(parentOf[c.rank()]).row())
                            .thenComparingInt(BeamCandidate::rank));
            int[] slots = new int[snap.settings().numBeams()];
            for (int r = 0; r < cands.size(); r++) {
                BeamCandidate c = cands.get(r);
                if (c.slot() >= 0) {
                    slots[c.slot()] = nodes.size();
                }
                nodes.add(
                        new Node(
                                step + 1,
                                r,
                                parentOf[c.rank()],
                                c,
                                snap.candidateTexts().get(step).get(c.rank()),
                                false));
            }
            slotNode.add(slots);
            rows = Math.max(rows, cands.size());
        }
        markBest(nodes, bestLeaf(nodes, snap, slotNode));
        List<Node> centred = centreRoot(nodes, rows);
        return new BeamTreeLayout(centred, steps.size() + 1, rows);
    }

    /** The node that ends the best sequence: the best finished one once done, else beam 0. */
    private static int bestLeaf(List<Node> nodes, BeamSnapshot snap, List<int[]> slotNode) {
        if (snap.steps().isEmpty()) {
            return 0;
        }
        List<Hypothesis> finished = snap.finished();
        if (snap.last().done() && !finished.isEmpty()) {
            Hypothesis h = finished.get(0);
            int token = h.tokens()[h.tokens().length - 1];
            for (int i = 0; i < nodes.size(); i++) {
                Node n = nodes.get(i);
                BeamCandidate c = n.candidate();
                if (c != null
                        && n.column() == h.step() + 1
                        && c.parent() == h.parent()
                        && c.token() == token) {
                    return i;
                }
            }
        }
        return slotNode.get(slotNode.size() - 1)[0];
    }

    private static void markBest(List<Node> nodes, int leaf) {
        for (int i = leaf; i >= 0; i = nodes.get(i).parent()) {
            Node n = nodes.get(i);
            nodes.set(i, new Node(n.column(), n.row(), n.parent(), n.candidate(), n.text(), true));
        }
    }

    /** The prompt sits level with the middle of the first column. */
    private static List<Node> centreRoot(List<Node> nodes, int rows) {
        List<Node> out = new ArrayList<>(nodes);
        Node root = out.get(0);
        int middle = Math.max(0, (Math.min(rows, columnSize(nodes, 1)) - 1) / 2);
        out.set(0, new Node(0, middle, -1, null, root.text(), root.onBest()));
        return out;
    }

    private static int columnSize(List<Node> nodes, int column) {
        return (int) nodes.stream().filter(n -> n.column() == column).count();
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** Columns: the prompt plus one per step. */
    public int columns() {
        return columns;
    }

    /** The most nodes in a column. */
    public int rows() {
        return rows;
    }
}
