package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Layers in a chain: forward in order, backward in reverse (the chain rule, one layer at a time). */
public final class Sequential implements Layer {
    private final List<Layer> layers;
    private boolean training = true;

    public Sequential(List<Layer> layers) {
        this.layers = List.copyOf(layers);
        ReluFusion.link(this.layers);
    }

    public static Sequential of(Layer... layers) {
        return new Sequential(List.of(layers));
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public Tensor forward(Tensor x) {
        for (Layer l : layers) x = l.forward(x);
        return x;
    }

    @Override
    public Tensor backward(Tensor dy) {
        return backward(dy, true);
    }

    /** With needInputGradient false the first layer may skip dL/d(input) (training on data). */
    @Override
    public Tensor backward(Tensor dy, boolean needInputGradient) {
        for (int i = layers.size() - 1; i >= 0; i--) dy = layers.get(i).backward(dy, i > 0 || needInputGradient);
        return dy;
    }

    @Override
    public List<Param> params() {
        List<Param> all = new ArrayList<>();
        for (Layer l : layers) all.addAll(l.params());
        return all;
    }

    /** Only the trainable parameters (what an optimizer updates). */
    public List<Param> trainable() {
        List<Param> out = new ArrayList<>();
        for (Param p : params()) if (p.isTrainable()) out.add(p);
        return out;
    }

    @Override
    public void train(boolean training) {
        this.training = training;
        for (Layer l : layers) l.train(training);
    }

    public boolean isTraining() {
        return training;
    }

    /** Eval mode: dropout off, running statistics. */
    public void eval() {
        train(false);
    }

    @Override
    public ObjectNode spec() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", "sequential");
        ArrayNode arr = node.putArray("layers");
        for (Layer l : layers) arr.add(l.spec());
        return node;
    }
}
