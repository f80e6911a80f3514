package grader.rules;

import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassWriter;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Label;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.MethodVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Opcodes;

/**
 * The class file JDK 21's javac writes for a student's {@code lab.Virtual} that starts virtual and platform
 * threads, which the JDK 17 these tests run on cannot compile:
 *
 * <pre>{@code
 * 1 package lab;
 * 2
 * 3 public class Virtual {
 * 4     public static void main(String[] args) {
 * 5         Thread.ofVirtual();
 * 6         Thread.ofPlatform();
 * 7         Thread.startVirtualThread(null);
 * 8     }
 * 9 }
 * }</pre>
 *
 * <p>Written with the ASM that ArchUnit bundles (test code only).
 */
final class ThreadBuilderBytecode {
    private ThreadBuilderBytecode() {
    }

    static byte[] virtualThreadsClass() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "lab/Virtual", null, "java/lang/Object",
                null);
        writer.visitSource("Virtual.java", null);

        MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        constructor.visitCode();
        line(constructor, 3);
        constructor.visitVarInsn(Opcodes.ALOAD, 0);
        constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        constructor.visitInsn(Opcodes.RETURN);
        constructor.visitMaxs(0, 0);
        constructor.visitEnd();

        MethodVisitor main = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "main",
                "([Ljava/lang/String;)V", null, null);
        main.visitCode();
        line(main, 5);
        main.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Thread", "ofVirtual",
                "()Ljava/lang/Thread$Builder$OfVirtual;", false);
        main.visitInsn(Opcodes.POP);
        line(main, 6);
        main.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Thread", "ofPlatform",
                "()Ljava/lang/Thread$Builder$OfPlatform;", false);
        main.visitInsn(Opcodes.POP);
        line(main, 7);
        main.visitInsn(Opcodes.ACONST_NULL);
        main.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Thread", "startVirtualThread",
                "(Ljava/lang/Runnable;)Ljava/lang/Thread;", false);
        main.visitInsn(Opcodes.POP);
        line(main, 8);
        main.visitInsn(Opcodes.RETURN);
        main.visitMaxs(0, 0);
        main.visitEnd();

        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void line(MethodVisitor method, int line) {
        Label label = new Label();
        method.visitLabel(label);
        method.visitLineNumber(line, label);
    }
}
