package io.agentledger.command.voice;

import com.sun.speech.freetts.audio.AudioPlayer;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** FreeTTS's samples kept in memory and handed out as one WAV file. */
final class CollectingAudioPlayer implements AudioPlayer {

    private final ByteArrayOutputStream samples = new ByteArrayOutputStream();
    private AudioFormat format = new AudioFormat(16000, 16, 1, true, true);
    private float volume = 1.0f;

    byte[] wav() throws IOException {
        byte[] pcm = samples.toByteArray();
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format,
                pcm.length / format.getFrameSize()), AudioFileFormat.Type.WAVE, wav);
        return wav.toByteArray();
    }

    @Override
    public void setAudioFormat(AudioFormat audioFormat) {
        format = audioFormat;
    }

    @Override
    public AudioFormat getAudioFormat() {
        return format;
    }

    @Override
    public void pause() {
    }

    @Override
    public void resume() {
    }

    @Override
    public void reset() {
    }

    @Override
    public boolean drain() {
        return true;
    }

    @Override
    public void begin(int size) {
    }

    @Override
    public boolean end() {
        return true;
    }

    @Override
    public void cancel() {
    }

    @Override
    public void close() {
    }

    @Override
    public float getVolume() {
        return volume;
    }

    @Override
    public void setVolume(float volume) {
        this.volume = volume;
    }

    @Override
    public long getTime() {
        return 0;
    }

    @Override
    public void resetTime() {
    }

    @Override
    public void startFirstSampleTimer() {
    }

    @Override
    public boolean write(byte[] audioData) {
        return write(audioData, 0, audioData.length);
    }

    @Override
    public boolean write(byte[] bytes, int offset, int size) {
        samples.write(bytes, offset, size);
        return true;
    }

    @Override
    public void showMetrics() {
    }
}
