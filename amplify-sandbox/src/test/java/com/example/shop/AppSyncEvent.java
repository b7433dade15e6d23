package com.example.shop;

import java.util.Map;

/** The event AppSync sends a Lambda data source, as a plain Java bean (what a handler's author would write). */
public class AppSyncEvent {
    private String typeName;
    private String fieldName;
    private Map<String, Object> arguments;
    private Map<String, Object> identity;
    private Object source;
    private Map<String, Object> request;
    private Object prev;

    public String getTypeName() {
        return typeName;
    }

    public void setTypeName(String typeName) {
        this.typeName = typeName;
    }

    public String getFieldName() {
        return fieldName;
    }

    public void setFieldName(String fieldName) {
        this.fieldName = fieldName;
    }

    public Map<String, Object> getArguments() {
        return arguments;
    }

    public void setArguments(Map<String, Object> arguments) {
        this.arguments = arguments;
    }

    public Map<String, Object> getIdentity() {
        return identity;
    }

    public void setIdentity(Map<String, Object> identity) {
        this.identity = identity;
    }

    public Object getSource() {
        return source;
    }

    public void setSource(Object source) {
        this.source = source;
    }

    public Map<String, Object> getRequest() {
        return request;
    }

    public void setRequest(Map<String, Object> request) {
        this.request = request;
    }

    public Object getPrev() {
        return prev;
    }

    public void setPrev(Object prev) {
        this.prev = prev;
    }
}
