package dev.samplinglab.app.hub;

import dev.samplinglab.engine.hub.CuratedModel;
import dev.samplinglab.engine.hub.DownloadProgress.FileProgress;
import dev.samplinglab.engine.hub.Sizes;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Get a model…": the suggested models with their sizes and what each is good for, or any
 * repository id; Download shows progress per file and in total, Cancel stops at once, and a
 * finished model opens in the step window (the view model's callback).
 */
public final class GetModelDialog {
    private final Stage stage = new Stage();
    private final DownloadViewModel vm;

    public GetModelDialog(Window owner, DownloadViewModel vm, Path cacheDir) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Get a model");
        VBox root = new VBox(8, curated(), repoRow(), progressBox(), footer(cacheDir));
        root.setPadding(new Insets(12));
        stage.setScene(new Scene(root, 640, 620));
        stage.setOnCloseRequest(e -> vm.cancel());
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public void close() {
        stage.close();
    }

    public Stage stage() {
        return stage;
    }

    /** The download behind the dialog (a lesson fills in the repository it needs). */
    public DownloadViewModel viewModel() {
        return vm;
    }

    private VBox curated() {
        ListView<CuratedModel> list = new ListView<>();
        list.setId("curated-models");
        list.getItems().setAll(CuratedModel.ALL);
        list.setCellFactory(l -> new CuratedCell());
        list.setPrefHeight(300);
        list.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (obs, o, n) -> {
                            if (n != null) {
                                vm.repoProperty().set(n.repo().id());
                            }
                        });
        list.setOnMouseClicked(
                e -> {
                    if (e.getClickCount() == 2) {
                        vm.start();
                    }
                });
        VBox.setVgrow(list, Priority.ALWAYS);
        return new VBox(4, new Label("Suggested models"), list);
    }

    private HBox repoRow() {
        TextField repo = new TextField();
        repo.setId("repo-id");
        repo.setPromptText("or any repository id, e.g. HuggingFaceTB/SmolLM2-135M");
        repo.textProperty().bindBidirectional(vm.repoProperty());
        repo.disableProperty().bind(vm.runningProperty());
        repo.setOnAction(e -> vm.start());
        HBox.setHgrow(repo, Priority.ALWAYS);
        Button download = new Button("Download");
        download.setId("download-start");
        download.setDefaultButton(true);
        download.disableProperty().bind(vm.runningProperty());
        download.setOnAction(e -> vm.start());
        Button cancel = new Button("Cancel");
        cancel.setId("download-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        HBox row = new HBox(6, repo, download, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox progressBox() {
        ProgressBar total = new ProgressBar(0);
        total.setId("download-progress");
        total.setMaxWidth(Double.MAX_VALUE);
        total.progressProperty().bind(vm.progressProperty());
        total.visibleProperty().bind(vm.runningProperty().or(vm.progressProperty().greaterThan(0)));
        Label status = new Label();
        status.setId("download-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        Label line = new Label();
        line.setId("download-line");
        line.textProperty().bind(vm.lineProperty());
        Label error = new Label();
        error.setId("download-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.setMaxWidth(Double.MAX_VALUE);
        error.setStyle("-fx-text-fill: #b00020;");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        ListView<FileProgress> files = new ListView<>(vm.files());
        files.setId("download-files");
        files.setCellFactory(l -> new FileCell());
        files.setPrefHeight(150);
        return new VBox(4, status, total, line, files, error);
    }

    private HBox footer(Path cacheDir) {
        Label where = new Label("Models go to %s, shared with Python tools.".formatted(cacheDir));
        where.setWrapText(true);
        where.setStyle("-fx-opacity: 0.75;");
        HBox.setHgrow(where, Priority.ALWAYS);
        Button close = new Button("Close");
        close.setId("download-close");
        close.setCancelButton(true);
        close.setOnAction(
                e -> {
                    vm.cancel();
                    stage.close();
                });
        HBox row = new HBox(8, where, close);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A suggested model: name and size, then what it is good for. */
    private static final class CuratedCell extends ListCell<CuratedModel> {
        @Override
        protected void updateItem(CuratedModel m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null) {
                setGraphic(null);
                return;
            }
            Label name =
                    new Label(
                            "%s   %s%s"
                                    .formatted(
                                            m.repo().id(),
                                            m.size(),
                                            m.gated() ? "   (gated)" : ""));
            name.setStyle("-fx-font-weight: bold;");
            Label what = new Label(m.goodFor());
            what.setWrapText(true);
            what.setMaxWidth(560);
            setGraphic(new VBox(2, name, what));
        }
    }

    /** One file: name, bar, bytes. */
    private static final class FileCell extends ListCell<FileProgress> {
        @Override
        protected void updateItem(FileProgress f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(f.name());
            name.setMinWidth(220);
            ProgressBar bar = new ProgressBar(f.fraction());
            bar.setPrefWidth(200);
            Label bytes =
                    new Label("%s / %s".formatted(Sizes.bytes(f.done()), Sizes.bytes(f.size())));
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(8, name, bar, gap, bytes);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
