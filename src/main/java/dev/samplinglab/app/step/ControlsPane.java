package dev.samplinglab.app.step;

import dev.samplinglab.app.common.UserPrompts;
import dev.samplinglab.app.widgets.ChainOrderBox;
import dev.samplinglab.app.widgets.StrategyEditor;
import dev.samplinglab.app.widgets.Switches;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The left column: model, prompt, seed and every strategy control. */
public final class ControlsPane extends VBox {
    private final StepViewModel vm;
    private final UserPrompts prompts;
    private final ComboBox<ModelChoice> model = new ComboBox<>();
    private final TextArea prompt = new TextArea();
    private final TextField seed = new TextField();
    private boolean syncingModel;
    private Runnable onGetModel;
    private Runnable onServerModel;

    public ControlsPane(StepViewModel vm, UserPrompts prompts, List<ModelChoice> choices) {
        this.vm = vm;
        this.prompts = prompts;
        getStyleClass().add("controls");
        setSpacing(8);
        setPadding(new Insets(10));
        getChildren().addAll(modelBox(choices), promptBox(), strategyBox());
        getChildren().addAll(extraBoxes());
    }

    /** The strategy error line, penalties and chain order (secondary: hidden when presenting). */
    private List<Node> extraBoxes() {
        Label error = new Label();
        error.setId("strategy-error");
        error.getStyleClass().add("param-error");
        error.textProperty().bind(vm.strategyErrorProperty());
        error.visibleProperty().bind(vm.strategyErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);
        TitledPane order =
                lazyPane("Chain order", "order-pane", () -> new ChainOrderBox(vm.strategy()));
        TitledPane penalties = new TitledPane("Penalties", StrategyEditor.penalties(vm.strategy()));
        penalties.setId("penalties");
        penalties.setExpanded(false);
        penalties.getStyleClass().add("secondary");
        return List.of(error, penalties, order);
    }

    private Node modelBox(List<ModelChoice> choices) {
        model.setId("model-picker");
        model.getItems().addAll(choices);
        model.getItems().add(ModelChoice.openFolder());
        model.setMaxWidth(Double.MAX_VALUE);
        model.setTooltip(
                new Tooltip("Model: bundled, random weights, the Hugging Face cache or a folder"));
        model.setCellFactory(list -> new ModelChoiceCell());
        model.valueProperty().addListener((obs, o, n) -> onModelPicked(o, n));
        vm.modelSpecProperty().addListener((obs, o, spec) -> showSpec(spec));
        vm.loadingProperty()
                .addListener(
                        (obs, o, busy) -> {
                            if (!busy) {
                                showSpec(vm.modelSpecProperty().get());
                            }
                        });
        ProgressBar progress = new ProgressBar();
        progress.setId("load-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.loadProgressProperty());
        progress.visibleProperty().bind(vm.loadingProperty());
        progress.managedProperty().bind(vm.loadingProperty());
        javafx.scene.control.Button cancel = new javafx.scene.control.Button("Cancel");
        cancel.setId("load-cancel");
        cancel.setTooltip(new Tooltip("Stop loading; the current model stays"));
        cancel.setOnAction(e -> vm.cancelLoad());
        cancel.visibleProperty().bind(vm.loadingProperty());
        cancel.managedProperty().bind(vm.loadingProperty());
        HBox.setHgrow(progress, javafx.scene.layout.Priority.ALWAYS);
        HBox loadRow = new HBox(6, progress, cancel);
        loadRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label name = new Label();
        name.getStyleClass().add("model-name");
        name.textProperty().bind(Bindings.concat("Loaded: ", vm.modelNameProperty()));
        Label detail = new Label();
        detail.setId("model-detail");
        detail.getStyleClass().add("model-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(vm.modelDetailProperty());
        return section("Model", model, loadRow, name, detail);
    }

    private void onModelPicked(ModelChoice old, ModelChoice picked) {
        if (syncingModel || picked == null) {
            return;
        }
        if (picked.isHeader() || !picked.enabled()) {
            showSpec(vm.modelSpecProperty().get());
            return;
        }
        if (picked.spec().equals(ModelChoice.GET_MODEL)) {
            showSpec(vm.modelSpecProperty().get());
            if (onGetModel != null) {
                onGetModel.run();
            }
            return;
        }
        if (picked.spec().equals(ModelChoice.INFERENCE_SERVER)) {
            showSpec(vm.modelSpecProperty().get());
            onServerModel.run();
            return;
        }
        if (picked.spec().equals(ModelChoice.OPEN_FOLDER)) {
            Path dir = prompts.chooseFolder("Open a Hugging Face GPT-2 folder");
            if (dir == null) {
                showSpec(vm.modelSpecProperty().get());
                return;
            }
            ModelChoice folder = ModelChoice.of(dir.toString());
            syncingModel = true;
            model.getItems().add(firstNonModel(), folder);
            model.setValue(folder);
            syncingModel = false;
            vm.loadModel(folder.spec());
            return;
        }
        vm.loadModel(picked.spec());
    }

    /**
     * Lists the models found in the Hugging Face cache under "On this computer" (those the app
     * cannot open greyed, with the reason), replacing the previous list.
     */
    public void setCachedModels(List<ModelChoice> cached) {
        syncingModel = true;
        try {
            java.util.Set<String> specs = new java.util.HashSet<>();
            cached.forEach(c -> specs.add(c.spec()));
            List<ModelChoice> items = new java.util.ArrayList<>(model.getItems());
            items.removeIf(c -> c.kind() != ModelChoice.Kind.MODEL || specs.contains(c.spec()));
            if (!cached.isEmpty()) {
                items.add(ModelChoice.header("On this computer"));
                items.addAll(cached);
            }
            items.addAll(actions());
            model.getItems().setAll(items);
        } finally {
            syncingModel = false;
        }
        showSpec(vm.modelSpecProperty().get());
    }

    /** Adds "Get a model…" to the picker; picking it runs {@code action}. */
    public void setOnGetModel(Runnable action) {
        onGetModel = action;
        setCachedModels(
                model.getItems().stream()
                        .filter(c -> c.kind() == ModelChoice.Kind.CACHED)
                        .toList());
    }

    /** Adds "Inference server…" to the picker; picking it runs {@code action}. */
    public void setOnServerModel(Runnable action) {
        onServerModel = action;
        setOnGetModel(onGetModel);
    }

    private List<ModelChoice> actions() {
        List<ModelChoice> actions = new java.util.ArrayList<>();
        if (onGetModel != null) {
            actions.add(ModelChoice.getModel());
        }
        if (onServerModel != null) {
            actions.add(ModelChoice.inferenceServer());
        }
        actions.add(ModelChoice.openFolder());
        return actions;
    }

    /** Shows the loaded model in the picker (also after a failed load, to revert). */
    public void showSpec(String spec) {
        syncingModel = true;
        try {
            ModelChoice match = null;
            for (ModelChoice c : model.getItems()) {
                if (c.spec().equals(spec)) {
                    match = c;
                }
            }
            if (match == null && spec != null && !spec.isEmpty()) {
                match = ModelChoice.of(spec);
                model.getItems().add(firstNonModel(), match);
            }
            model.setValue(match);
        } finally {
            syncingModel = false;
        }
    }

    /** Where a newly opened folder goes: before the cache section and the actions. */
    private int firstNonModel() {
        List<ModelChoice> items = model.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isHeader() || items.get(i).isAction()) {
                return i;
            }
        }
        return items.size();
    }

    private Node promptBox() {
        prompt.setId("prompt");
        prompt.setPrefRowCount(3);
        prompt.setWrapText(true);
        prompt.textProperty().bindBidirectional(vm.promptProperty());
        prompt.setTooltip(new Tooltip("The prompt; Reset (Ctrl+R) restarts decoding from it"));
        seed.setId("seed");
        seed.setPrefColumnCount(8);
        seed.setText(Long.toString(vm.seedProperty().get()));
        seed.setTooltip(new Tooltip("Seed of the coins; applies on Reset (Ctrl+R)"));
        Label seedError = new Label();
        seedError.getStyleClass().add("param-error");
        seedError.setVisible(false);
        seedError.setManaged(false);
        Runnable commit = () -> commitSeed(seedError);
        seed.setOnAction(e -> commit.run());
        seed.focusedProperty()
                .addListener(
                        (obs, o, f) -> {
                            if (!f) {
                                commit.run();
                            }
                        });
        vm.seedProperty().addListener((obs, o, n) -> seed.setText(n.toString()));
        HBox seedRow = new HBox(6, new Label("Seed"), seed);
        seedRow.getStyleClass().add("secondary");
        seedRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return section("Prompt", chatBox(), prompt, seedRow, seedError);
    }

    /** Chat mode switch and the system message, shown while chat mode is on. */
    private Node chatBox() {
        var chat =
                Switches.of(
                        "chat-mode",
                        "Chat (the model\'s template)",
                        "Send the prompt as the user message through the model's own chat"
                                + " template (instruct models); applies on Reset (Ctrl+R)",
                        vm.chatModeProperty());
        TextField system = new TextField();
        system.setId("system-message");
        system.setPromptText("System message (optional)");
        system.textProperty().bindBidirectional(vm.systemProperty());
        system.visibleProperty().bind(vm.chatModeProperty());
        system.managedProperty().bind(vm.chatModeProperty());
        return new VBox(4, chat, system);
    }

    private void commitSeed(Label error) {
        try {
            vm.seedProperty().set(Long.parseLong(seed.getText().strip()));
            error.setVisible(false);
            error.setManaged(false);
        } catch (NumberFormatException e) {
            error.setText("seed must be a whole number; kept " + vm.seedProperty().get());
            error.setVisible(true);
            error.setManaged(true);
        }
    }

    private Node strategyBox() {
        return section(
                "Strategy", new StrategyEditor(vm.strategy(), "", StrategyEditor.Layout.STEP));
    }

    /** A collapsed pane whose content is built when first opened (faster start-up). */
    private static TitledPane lazyPane(String title, String id, Supplier<Node> content) {
        TitledPane pane = new TitledPane(title, null);
        pane.setId(id);
        pane.setExpanded(false);
        pane.getStyleClass().add("secondary");
        pane.expandedProperty()
                .addListener(
                        (obs, was, open) -> {
                            if (open && pane.getContent() == null) {
                                pane.setContent(content.get());
                            }
                        });
        return pane;
    }

    static VBox section(String title, Node... nodes) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox box = new VBox(6);
        box.getStyleClass().add("section");
        box.getChildren().add(heading);
        box.getChildren().addAll(nodes);
        return box;
    }

    public ComboBox<ModelChoice> modelPicker() {
        return model;
    }
}
