package dev.samplinglab.app.server;

import dev.samplinglab.app.server.ServerDialogViewModel.Verdict;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Inference server…": base URL, API flavour, model (listed from the server), the environment
 * variable that holds the API key, a connection test with its verdict, and Open, which loads the
 * server model in the step window like any other model.
 */
public final class ServerDialog {
    static final String HELP =
            "The server computes each step's top log-probabilities; the app samples from them."
                    + " The API key is read from the environment variable you name and is never"
                    + " saved.";
    private final Stage stage = new Stage();
    private final ServerDialogViewModel vm;

    /**
     * @param onOpen loads a server spec in the step window
     */
    public ServerDialog(Window owner, ServerDialogViewModel vm, Consumer<String> onOpen) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Inference server");
        Label help = new Label(HELP);
        help.setWrapText(true);
        help.setStyle("-fx-opacity: 0.8;");
        VBox root = new VBox(10, help, fields(), testRow(), status(), buttons(onOpen));
        root.setPadding(new Insets(12));
        stage.setScene(new Scene(root, 620, 360));
        stage.setOnCloseRequest(e -> vm.cancel());
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public void close() {
        vm.cancel();
        stage.close();
    }

    public Stage stage() {
        return stage;
    }

    private GridPane fields() {
        TextField url = new TextField();
        url.setId("server-url");
        url.setPromptText("http://127.0.0.1:8080");
        url.textProperty().bindBidirectional(vm.baseUrlProperty());
        ComboBox<ApiChoice> api = new ComboBox<>();
        api.setId("server-api");
        api.getItems().setAll(ApiChoice.all());
        api.valueProperty().bindBidirectional(vm.apiProperty());
        Label detected = new Label();
        detected.setId("server-detected");
        detected.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        vm.detectedProperty().get() == null
                                                ? ""
                                                : "speaks " + vm.detectedProperty().get().label(),
                                vm.detectedProperty()));
        ComboBox<String> model = new ComboBox<>(vm.models());
        model.setId("server-model");
        model.setEditable(true);
        model.setPromptText("press List models, or type a name");
        model.valueProperty().bindBidirectional(vm.modelProperty());
        model.setMaxWidth(Double.MAX_VALUE);
        Button list = new Button("List models");
        list.setId("server-list");
        list.setOnAction(e -> vm.listModels());
        list.disableProperty().bind(vm.busyProperty());
        TextField key = new TextField();
        key.setId("server-key-env");
        key.setPromptText("optional, e.g. VLLM_API_KEY or OPENAI_API_KEY");
        key.setTooltip(
                new Tooltip(
                        "The NAME of an environment variable that holds the API key; the key is"
                                + " read when needed and never written to the settings file"));
        key.textProperty().bindBidirectional(vm.keyEnvProperty());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Base URL"), url);
        grid.addRow(1, new Label("API"), new HBox(8, api, detected));
        HBox modelRow = new HBox(8, model, list);
        HBox.setHgrow(model, Priority.ALWAYS);
        grid.addRow(2, new Label("Model"), modelRow);
        grid.addRow(3, new Label("API key variable"), key);
        GridPane.setHgrow(url, Priority.ALWAYS);
        GridPane.setHgrow(modelRow, Priority.ALWAYS);
        return grid;
    }

    private HBox testRow() {
        Button test = new Button("Test connection");
        test.setId("server-test");
        test.setOnAction(e -> vm.testConnection());
        test.disableProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("server-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.busyProperty().not());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("server-busy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        HBox row = new HBox(8, test, cancel, busy);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Label status() {
        Label status = new Label();
        status.setId("server-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(vm.statusProperty());
        vm.verdictProperty().addListener((obs, o, v) -> status.setStyle(style(v)));
        return status;
    }

    private static String style(Verdict v) {
        return switch (v) {
            case OK -> "-fx-text-fill: #1b7f3b; -fx-font-weight: bold;";
            case FAILED -> "-fx-text-fill: #b00020;";
            default -> "";
        };
    }

    private HBox buttons(Consumer<String> onOpen) {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button open = new Button("Open");
        open.setId("server-open");
        open.setDefaultButton(true);
        open.setTooltip(new Tooltip("Step through this server's model in the step window"));
        open.setOnAction(
                e -> {
                    if (vm.open(onOpen)) {
                        stage.close();
                    }
                });
        Button close = new Button("Close");
        close.setId("server-close");
        close.setCancelButton(true);
        close.setOnAction(e -> close());
        HBox row = new HBox(8, gap, open, close);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }
}
